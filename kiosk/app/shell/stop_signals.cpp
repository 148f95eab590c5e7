#include "kiosk/app/shell/stop_signals.hpp"

#include <poll.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace kiosk::app {

StopSignals::StopSignals(std::function<void(int)> onStop) : m_onStop(std::move(onStop)) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    m_signalFd = signalfd(-1, &signals, SFD_CLOEXEC);
    m_quitFd = eventfd(0, EFD_CLOEXEC);
    if (m_signalFd < 0 || m_quitFd < 0) {
        // Without them the default action stays: the signal ends the process at once.
        spdlog::error("stop signals: signalfd/eventfd failed (errno {}); SIGTERM will not stop cleanly", errno);
        pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
        return;
    }
    m_thread = std::thread([this] { run(); });
}

StopSignals::~StopSignals() {
    if (m_thread.joinable()) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = write(m_quitFd, &one, sizeof one);
        m_thread.join();
    }
    if (m_signalFd >= 0) close(m_signalFd);
    if (m_quitFd >= 0) close(m_quitFd);
}

void StopSignals::run() {
    pollfd fds[2] = {{m_signalFd, POLLIN, 0}, {m_quitFd, POLLIN, 0}};
    while (true) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if ((fds[1].revents & POLLIN) != 0) return;
        if ((fds[0].revents & POLLIN) == 0) continue;
        signalfd_siginfo info{};
        if (read(m_signalFd, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) continue;
        const int signo = static_cast<int>(info.ssi_signo);
        if (m_requested.exchange(true)) {
            spdlog::warn("signal {} again while stopping; still finishing what is queued", signo);
            continue;
        }
        spdlog::info("signal {} ({}): stopping cleanly", signo, signo == SIGTERM ? "SIGTERM" : "SIGINT");
        m_onStop(signo);
    }
}

}  // namespace kiosk::app
