#pragma once
// Fake frame source for tests: no thread; the test pushes frames and sets the status.

#include <chrono>
#include <mutex>

#include "platform/camera.hpp"

namespace platform {

class FakeCamera final : public FrameSource {
public:
    void start(FrameMailbox& mailbox) override {
        std::lock_guard lock(m_mutex);
        m_mailbox = &mailbox;
        m_status.state = CameraStatus::State::Running;
    }
    void stop() override {
        std::lock_guard lock(m_mutex);
        m_mailbox = nullptr;
        m_status.state = CameraStatus::State::Stopped;
    }
    [[nodiscard]] CameraStatus status() const override {
        std::lock_guard lock(m_mutex);
        return m_status;
    }
    [[nodiscard]] std::string describe() const override { return "fake camera"; }

    /// Publishes a frame as the capture thread would. @return false when not started.
    bool push(kiosk::core::ImageView frame,
              std::chrono::steady_clock::time_point arrival = std::chrono::steady_clock::now()) {
        std::lock_guard lock(m_mutex);
        if (m_mailbox == nullptr) return false;
        m_mailbox->publish(frame, arrival);
        return true;
    }
    void setStatus(CameraStatus status) {
        std::lock_guard lock(m_mutex);
        m_status = std::move(status);
    }

private:
    mutable std::mutex m_mutex;
    FrameMailbox* m_mailbox = nullptr;
    CameraStatus m_status;
};

}  // namespace platform
