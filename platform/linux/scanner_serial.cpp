#include "platform/linux/scanner_serial.hpp"

#include <cerrno>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include "kiosk/core/receipt/receipt.hpp"
#include "platform/linux/device_thread.hpp"

namespace platform {
namespace {

using State = CameraStatus::State;

speed_t toSpeed(int baud) {
    switch (baud) {
        case 1200: return B1200;
        case 2400: return B2400;
        case 4800: return B4800;
        case 19200: return B19200;
        case 38400: return B38400;
        case 57600: return B57600;
        case 115200: return B115200;
        default: return B9600;
    }
}

class SerialScanner final : public CodeScanner {
public:
    explicit SerialScanner(SerialScannerOptions options) : m_options(std::move(options)) {}
    ~SerialScanner() override { stop(); }

    void start(OnCode onCode) override {
        stop();
        m_status.set(State::Starting, "opening " + m_options.device);
        m_thread = std::jthread([this, onCode = std::move(onCode)](std::stop_token stop) { run(stop, onCode); });
    }

    void stop() override {
        if (m_thread.joinable()) {
            m_thread.request_stop();
            m_thread.join();
        }
        m_status.set(State::Stopped);
    }

    [[nodiscard]] CameraStatus status() const override { return m_status.get(); }
    [[nodiscard]] std::string describe() const override { return "serial scanner " + m_options.device; }

private:
    /// Opens the tty in raw mode. @return fd, or -1 with `why` set.
    int openTty(std::string& why) const {
        const int fd = ::open(m_options.device.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            why = "cannot open scanner " + m_options.device + " (" + std::strerror(errno) + ")";
            return -1;
        }
        termios tio{};
        if (::tcgetattr(fd, &tio) != 0) {
            why = m_options.device + " is not a serial port (" + std::strerror(errno) + ")";
            ::close(fd);
            return -1;
        }
        // Raw: no echo, no canonical line editing, no CR/LF translation; 8N1 at the given speed.
        ::cfmakeraw(&tio);
        tio.c_cflag |= CLOCAL | CREAD;
        ::cfsetispeed(&tio, toSpeed(m_options.baud));
        ::cfsetospeed(&tio, toSpeed(m_options.baud));
        if (::tcsetattr(fd, TCSANOW, &tio) != 0) {
            why = "cannot configure " + m_options.device + " (" + std::strerror(errno) + ")";
            ::close(fd);
            return -1;
        }
        ::tcflush(fd, TCIFLUSH);
        return fd;
    }

    void run(std::stop_token stop, const OnCode& onCode) {
        detail::Backoff backoff;
        while (!stop.stop_requested()) {
            std::string why;
            const int fd = openTty(why);
            if (fd < 0) {
                m_status.set(State::Missing, why + "; retrying");
                if (!detail::sleepUnlessStopped(stop, backoff.next())) return;
                continue;
            }
            backoff.reset();
            m_status.set(State::Running, m_options.device);
            std::string line;
            bool overlong = false;
            while (!stop.stop_requested()) {
                pollfd pfd{fd, POLLIN, 0};
                const int r = ::poll(&pfd, 1, 200);
                if (r == 0 || (r < 0 && errno == EINTR)) continue;
                if (r < 0 || (pfd.revents & (POLLERR | POLLHUP | POLLNVAL))) break;
                char buf[256];
                const ssize_t n = ::read(fd, buf, sizeof buf);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) break;  // unplugged
                for (ssize_t i = 0; i < n; ++i) {
                    const char c = buf[i];
                    if (c == '\r' || c == '\n') {
                        if (!line.empty() && !overlong) onCode(std::move(line));
                        line.clear();
                        overlong = false;
                    } else if (line.size() < kiosk::core::kMaxInputBytes) {
                        line.push_back(c);
                    } else {
                        overlong = true;  // not a receipt; drop the whole line rather than a prefix
                    }
                }
            }
            ::close(fd);
            if (!stop.stop_requested()) {
                m_status.set(State::Missing, "scanner " + m_options.device + " disconnected; reconnecting");
                spdlog::warn("scanner: {}", m_status.get().reason);
                if (!detail::sleepUnlessStopped(stop, backoff.next())) return;
            }
        }
    }

    SerialScannerOptions m_options;
    detail::StatusBox m_status;
    std::jthread m_thread;
};

}  // namespace

std::unique_ptr<CodeScanner> makeSerialScanner(SerialScannerOptions options) {
    return std::make_unique<SerialScanner>(std::move(options));
}

}  // namespace platform
