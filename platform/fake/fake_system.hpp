#pragma once
// FakeSystemNotifier: the fake platform's service manager (platform/system.hpp). It records every
// notification, so unit tests see what the kiosk told "systemd", and arms a watchdog only when a test
// asks for one.

#include <mutex>
#include <string>
#include <vector>

#include "platform/system.hpp"

namespace platform {

class FakeSystemNotifier final : public SystemNotifier {
public:
    explicit FakeSystemNotifier(std::optional<std::chrono::microseconds> watchdog = std::nullopt)
        : m_watchdog(watchdog) {}
    void ready() override { record("READY=1"); }
    void watchdog() override { record("WATCHDOG=1"); }
    void stopping() override { record("STOPPING=1"); }
    void status(std::string_view text) override { record("STATUS=" + std::string{text}); }
    [[nodiscard]] std::optional<std::chrono::microseconds> watchdogInterval() const override { return m_watchdog; }

    /// Every notification so far, oldest first.
    [[nodiscard]] std::vector<std::string> sent() const {
        std::lock_guard lock(m_mutex);
        return m_sent;
    }

private:
    void record(std::string line) {
        std::lock_guard lock(m_mutex);
        m_sent.push_back(std::move(line));
    }

    std::optional<std::chrono::microseconds> m_watchdog;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_sent;  // guarded by m_mutex
};

}  // namespace platform
