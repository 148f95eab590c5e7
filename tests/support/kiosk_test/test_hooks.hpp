#pragma once
// TestHooks: the kiosk screen driven through the test control FIFO (test_control.hpp lists the
// commands). Built into the test executables only (kiosk-test, kiosk-fake); the product has no hooks.

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/app/shell/shell_hooks.hpp"
#include "tests/support/kiosk_test/test_control.hpp"

namespace kiosk::app {

/// A clock the `advance-time` command moves forward (idle tests without waiting).
class OffsetClock final : public platform::Clock {
public:
    [[nodiscard]] std::chrono::sys_seconds now() const override {
        return platform::systemClock().now() + std::chrono::duration_cast<std::chrono::seconds>(m_offset);
    }
    [[nodiscard]] std::chrono::steady_clock::time_point steadyNow() const override {
        return platform::systemClock().steadyNow() + m_offset;
    }
    void advance(std::chrono::steady_clock::duration by) { m_offset += by; }

private:
    std::chrono::steady_clock::duration m_offset{};
};

class TestHooks final : public ShellHooks {
public:
    /// @param controlPath the FIFO to create and read
    /// @param clock       the clock the shell runs on (advance-time moves it)
    TestHooks(std::string controlPath, OffsetClock& clock) : m_path(std::move(controlPath)), m_clock(clock) {}

    void attach(ShellControl& shell) override;
    void beforeFrame() override;
    void duringFrame() override;
    void afterRender() override;

private:
    void onCommand(const std::string& line);
    void replyState();
    void saveScreenshot(const std::string& file);

    struct PendingTap {
        std::string id;
        std::string reply;  // sent once the finger is lifted and the next screen drew ("" for none)
        ImVec2 at{};        // tap-at: where, instead of a button's centre
        bool atPoint = false;
    };

    std::string m_path;
    OffsetClock& m_clock;
    ShellControl* m_shell = nullptr;
    std::unique_ptr<TestControl> m_control;
    std::deque<PendingTap> m_pendingTaps;  // taps still to do, in order
    std::string m_tapReply;
    int m_tapPhase = 0;  // 0 idle, 1 finger over, 2 down, 3 up, 4 settle
    ImVec2 m_tapAt{};
    std::vector<std::string> m_pendingShots;
    int m_failFrames = 0;
};

}  // namespace kiosk::app
