#pragma once
// Shared plumbing of the capture/reader backends: a thread-safe status, the device thread that
// starts and stops around it, an interruptible sleep and the retry backoff used when a device is
// missing or was unplugged.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>

#include "platform/camera.hpp"

namespace platform::detail {

/// CameraStatus under a mutex (written by the device thread, read by diagnostics).
class StatusBox {
public:
    void set(CameraStatus::State state, std::string reason = {}) {
        std::lock_guard lock(m_mutex);
        m_status.state = state;
        m_status.reason = std::move(reason);
    }
    [[nodiscard]] CameraStatus get() const {
        std::lock_guard lock(m_mutex);
        return m_status;
    }

private:
    mutable std::mutex m_mutex;
    CameraStatus m_status;
};

/// A backend's device thread with its status: the start/stop/status plumbing shared by every camera
/// and scanner backend. Declare it after the members the thread body uses: it joins on destruction.
class DeviceThread {
public:
    DeviceThread() = default;
    DeviceThread(const DeviceThread&) = delete;
    DeviceThread& operator=(const DeviceThread&) = delete;
    ~DeviceThread() { stop(); }

    /// Stops a running thread first, shows Starting with `reason`, then runs `body(std::stop_token)`
    /// on a new thread.
    template <class Body>
    void start(std::string reason, Body&& body) {
        stop();
        m_status.set(CameraStatus::State::Starting, std::move(reason));
        m_thread = std::jthread(std::forward<Body>(body));
    }

    /// Requests stop and joins. Idempotent. The status becomes Stopped, except that Failed stays, so
    /// diagnostics still say why a source could not be used.
    void stop() {
        if (m_thread.joinable()) {
            m_thread.request_stop();
            m_thread.join();
        }
        if (m_status.get().state != CameraStatus::State::Failed) m_status.set(CameraStatus::State::Stopped);
    }

    /// Written by the thread body (and by backends that fail before starting one).
    [[nodiscard]] StatusBox& status() noexcept { return m_status; }
    [[nodiscard]] const StatusBox& status() const noexcept { return m_status; }

private:
    StatusBox m_status;
    std::jthread m_thread;  // after m_status: joined before the status it writes goes away
};

/// Sleeps for `duration` or until stop is requested.
/// @return false when stop was requested (the caller should leave its loop)
inline bool sleepUnlessStopped(std::stop_token stop, std::chrono::steady_clock::duration duration) {
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    cv.wait_for(lock, stop, duration, [] { return false; });
    return !stop.stop_requested();
}

/// Retry delays after a failure: 0.5 s, 1 s, 2 s, ... capped at `cap`; reset() after a success.
class Backoff {
public:
    explicit Backoff(std::chrono::milliseconds cap = std::chrono::seconds(30)) : m_cap(cap) {}
    std::chrono::milliseconds next() {
        const auto d = m_delay;
        m_delay = std::min(m_cap, m_delay * 2);
        return d;
    }
    void reset() { m_delay = std::chrono::milliseconds(500); }

private:
    std::chrono::milliseconds m_cap;
    std::chrono::milliseconds m_delay{500};
};

}  // namespace platform::detail
