#pragma once
// Shared plumbing of the capture/reader backends: a thread-safe status, an interruptible sleep and
// the retry backoff used when a device is missing or was unplugged.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <string>

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
