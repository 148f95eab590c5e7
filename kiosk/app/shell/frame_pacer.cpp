#include "kiosk/app/shell/frame_pacer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiosk::app {
namespace {

constexpr double kMaxFps = 30.0;
constexpr double kSlowFrameMs = 50.0;  // the UI-thread stall target
constexpr auto kSlowLogInterval = std::chrono::seconds(10);

}  // namespace

void FramePacer::request(int frames) { m_framesOwed = std::max(m_framesOwed, frames); }

bool FramePacer::takeFrame() {
    if (m_framesOwed == 0 && !m_animating) return false;
    if (m_framesOwed > 0) --m_framesOwed;
    return true;
}

void FramePacer::drawn(double ms, double buildMs, bool animating) {
    const Clock::time_point now = Clock::now();
    m_lastFrame = now;
    m_animating = animating;
    ++m_stats.frames;
    m_frameTimes.record(ms);
    m_stats.longestMs = std::max(m_stats.longestMs, ms);
    m_stats.longestBuildMs = std::max(m_stats.longestBuildMs, buildMs);
    // The first frames compile shaders and upload the font atlas.
    if (ms > kSlowFrameMs && m_stats.frames > 2) {
        if (now - m_lastSlowLog >= kSlowLogInterval) {
            spdlog::warn("slow frame: {:.1f} ms ({:.1f} ms building it){}", ms, buildMs,
                         m_slowNotLogged > 0 ? fmt::format("; {} more slow frames not logged", m_slowNotLogged) : "");
            m_lastSlowLog = now;
            m_slowNotLogged = 0;
        } else {
            ++m_slowNotLogged;
        }
    }
}

double FramePacer::secondsUntilNextWake(bool tickSoon, std::optional<double> otherDeadline) const {
    if (m_framesOwed > 0 || m_animating) {
        const double since = std::chrono::duration<double>(Clock::now() - m_lastFrame).count();
        return std::max(0.0, 1.0 / kMaxFps - since);
    }
    // Sleep until the clock's minute changes (the header shows it), the next tick, or another deadline.
    // New camera previews and worker results wake the loop themselves.
    const auto wall = std::chrono::system_clock::now();
    const auto nextMinute = std::chrono::ceil<std::chrono::minutes>(wall + std::chrono::milliseconds(1));
    double wait = std::chrono::duration<double>(nextMinute - wall).count();
    if (tickSoon) wait = std::min(wait, 0.5);
    if (otherDeadline) wait = std::min(wait, std::max(0.0, *otherDeadline));
    return std::max(0.01, wait);
}

FrameStats FramePacer::stats(bool reset) {
    const FrameStats out = m_stats;
    if (reset) m_stats = {};
    return out;
}

}  // namespace kiosk::app
