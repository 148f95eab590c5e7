#pragma once
// Fake code scanner for tests: no thread; the test calls deliver() as the device would.

#include <mutex>

#include "platform/scanner.hpp"

namespace platform {

class FakeScanner final : public CodeScanner {
public:
    void start(OnCode onCode) override {
        std::lock_guard lock(m_mutex);
        m_onCode = std::move(onCode);
        m_status.state = CameraStatus::State::Running;
    }
    void stop() override {
        std::lock_guard lock(m_mutex);
        m_onCode = nullptr;
        m_status.state = CameraStatus::State::Stopped;
    }
    [[nodiscard]] CameraStatus status() const override {
        std::lock_guard lock(m_mutex);
        return m_status;
    }
    [[nodiscard]] std::string describe() const override { return "fake scanner"; }

    /// Delivers one code as the reader thread would. @return false when not started.
    bool deliver(std::string code) {
        OnCode cb;
        {
            std::lock_guard lock(m_mutex);
            cb = m_onCode;
        }
        if (!cb) return false;
        cb(std::move(code));
        return true;
    }

private:
    mutable std::mutex m_mutex;
    OnCode m_onCode;
    CameraStatus m_status;
};

}  // namespace platform
