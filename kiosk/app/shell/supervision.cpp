#include "kiosk/app/shell/supervision.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {

Supervision::Supervision(std::unique_ptr<platform::SystemNotifier> notifier) : m_notifier(std::move(notifier)) {
    if (m_notifier) m_watchdog = m_notifier->watchdogInterval();
    if (m_watchdog) {
        spdlog::info("watchdog: systemd expects a sign of life every {} ms",
                     std::chrono::duration_cast<std::chrono::milliseconds>(*m_watchdog).count());
    }
}

void Supervision::firstFrameDrawn() {
    if (m_ready || !m_notifier) return;
    m_ready = true;
    m_notifier->ready();
    m_notifier->status("serving citizens");
    loopTurn();
}

void Supervision::loopTurn() {
    if (!m_watchdog || !m_ready) return;  // before READY=1 systemd's start timeout applies, not the watchdog
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastPing < *m_watchdog / 4) return;
    m_lastPing = now;
    m_notifier->watchdog();
}

std::optional<double> Supervision::maxSleepSeconds() const {
    if (!m_watchdog) return std::nullopt;
    return std::chrono::duration<double>(*m_watchdog).count() / 3.0;
}

void Supervision::stopping() {
    if (!m_notifier) return;
    m_notifier->stopping();
    m_notifier->status("stopping");
}

}  // namespace kiosk::app
