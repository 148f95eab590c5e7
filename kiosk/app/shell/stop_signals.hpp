#pragma once
// StopSignals: SIGTERM (systemd stopping the kiosk) and SIGINT (Ctrl+C in a terminal) become a clean
// stop instead of the end of the process: the signals are blocked in every thread and read by one
// thread of their own (signalfd), which calls back once; the frame loop then ends and the services
// finish or persist what is queued within a bounded time (KioskServices::shutdown), and the kiosk exits
// 0. A second signal while stopping is logged and ignored: the supervisor's own timeout (systemd's
// TimeoutStopSec) bounds the wait.

#include <atomic>
#include <functional>
#include <thread>

namespace kiosk::app {

class StopSignals {
public:
    /// Blocks SIGTERM and SIGINT in the calling thread (so in every thread it starts afterwards: construct
    /// this before any other thread exists) and starts the thread that waits for them.
    /// @param onStop runs on the signal thread, once, with the signal number
    explicit StopSignals(std::function<void(int)> onStop);
    ~StopSignals();  ///< ends the signal thread; the signals stay blocked (the process is ending)
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// A stop signal has arrived.
    [[nodiscard]] bool stopRequested() const { return m_requested.load(); }

private:
    void run();

    std::function<void(int)> m_onStop;
    std::atomic<bool> m_requested{false};
    int m_signalFd = -1;
    int m_quitFd = -1;     // an eventfd: the destructor ends the thread through it
    std::thread m_thread;  // last: starts after the descriptors exist
};

}  // namespace kiosk::app
