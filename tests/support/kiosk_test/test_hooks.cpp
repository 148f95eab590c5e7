#include "tests/support/kiosk_test/test_hooks.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstdio>
#include <stdexcept>
#include <thread>

#include "kiosk/ui/code_entry.hpp"
#include "tests/support/kiosk_test/staff_state.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::app {
namespace {

const char* ratingName(core::RatingStatus r) {
    switch (r) {
        case core::RatingStatus::NotRated: return "none";
        case core::RatingStatus::Sending: return "sending";
        case core::RatingStatus::Sent: return "sent";
        case core::RatingStatus::Failed: return "failed";
    }
    return "?";
}

const char* printName(core::PrintStatus p) {
    switch (p) {
        case core::PrintStatus::Idle: return "idle";
        case core::PrintStatus::Printing: return "printing";
        case core::PrintStatus::Printed: return "printed";
        case core::PrintStatus::Failed: return "failed";
    }
    return "?";
}

}  // namespace

void TestHooks::attach(ShellControl& shell) {
    m_shell = &shell;
    m_control = TestControl::start(m_path, shell.queue(), [this](const std::string& line) { onCommand(line); });
}

// The screen, the overlay and what the session holds (never its content: no personal data).
void TestHooks::replyState() {
    const ShellSnapshot snap = m_shell->snapshot();
    const core::FlowState& s = *snap.flow;
    std::string print = printName(s.print);
    if (s.print == core::PrintStatus::Failed && s.printFailure) print += ":" + std::string(core::toString(*s.printFailure));
    std::string page;  // Guidance: which page, and the entry on Detail (catalog ids are not personal)
    if (s.screen == core::Screen::Guidance) {
        switch (s.guidance.page) {
            case core::GuidancePage::Home: page = " page=home"; break;
            case core::GuidancePage::Search: page = " page=search"; break;
            case core::GuidancePage::Detail: page = " page=detail entry=" + s.guidance.entryId; break;
        }
    }
    const char* printer = !snap.printerConfigured ? "none" : snap.printerKnownUnavailable ? "out" : "ok";
    m_control->reply("state " + std::string(core::toString(s.screen)) + page + (snap.idleWarningShown ? " idle-warning" : "") +
                     " lang=" + std::string(core::toString(s.language)) + " large=" + (s.largeText ? "1" : "0") +
                     " contrast=" + (s.highContrast ? "1" : "0") + " typed=" + std::to_string(s.typedSymbols.size()) +
                     " dossier=" + (s.dossier ? "1" : "0") +
                     " rating=" + (s.ratingLevel ? std::to_string(static_cast<int>(*s.ratingLevel)) : "-") +
                     " rated=" + ratingName(s.rating) + " print=" + print + " printer=" + printer +
                     " lookups=" + std::to_string(s.lookupRequestId) +
                     " camera_frames=" + std::to_string(snap.cameraFramesDecoded) + " guide=" + std::to_string(snap.guidanceEntries) +
                     " query=" + std::to_string(s.guidance.query.size()) + " speaking=" + (snap.speaking ? "1" : "0") +
                     staffStateText(snap, m_clock.steadyNow()));
}

void TestHooks::onCommand(const std::string& line) {
    const auto space = line.find(' ');
    const std::string cmd = line.substr(0, space);
    const std::string arg = space == std::string::npos ? std::string() : line.substr(space + 1);
    // Only commands that change what is on screen cost frames: asking for the state must not disturb
    // an idle measurement.
    if (cmd == "tap" || cmd == "tap-at" || cmd == "type" || cmd == "screenshot" || cmd == "scan") m_shell->requestFrames(3);
    if (cmd == "state") {
        replyState();
    } else if (cmd == "layout") {
        // Where the named elements of the last frame are (ui::markLayout): tests check the first-view
        // rule on these rectangles.
        m_control->reply("layout " + ui::describeLayout());
    } else if (cmd == "scan") {
        // Text as a scanner would deliver it (the same path as a keyboard-wedge burst).
        m_shell->submitScan(arg);
        m_control->reply("ok scan");
    } else if (cmd == "tap") {
        m_pendingTaps.push_back(PendingTap{arg, "ok tap " + arg});
    } else if (cmd == "tap-at") {
        // A finger at screen coordinates, on a button or not (the staff corner gesture).
        float x = 0;
        float y = 0;
        if (std::sscanf(arg.c_str(), "%f %f", &x, &y) != 2) {
            m_control->reply("error tap-at needs X Y");
        } else {
            m_pendingTaps.push_back(PendingTap{std::string(), "ok tap-at " + arg, ImVec2(x, y), true});
        }
    } else if (cmd == "type") {
        const std::string symbols = ui::code_entry::symbolsFromText(arg);
        for (std::size_t i = 0; i < symbols.size(); ++i) {
            m_pendingTaps.push_back(
                PendingTap{std::string("key-") + symbols[i], i + 1 == symbols.size() ? "ok type " + arg : std::string()});
        }
        if (symbols.empty()) m_control->reply("ok type");
    } else if (cmd == "screenshot") {
        m_pendingShots.push_back(arg);
    } else if (cmd == "advance-time") {
        m_clock.advance(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(std::stod(arg))));
        m_control->reply("ok advance-time " + arg);
    } else if (cmd == "frame-stats") {
        const FrameStats stats = m_shell->frameStats(arg == "reset");
        char buf[128];
        std::snprintf(buf, sizeof buf, "frames %llu longest_ms %.2f longest_build_ms %.2f",
                      static_cast<unsigned long long>(stats.frames), stats.longestMs, stats.longestBuildMs);
        m_control->reply(buf);
    } else if (cmd == "fail-frames") {
        // Makes the next N frames throw, to test the per-frame recovery and the exit after repeats.
        m_failFrames = std::max(0, std::atoi(arg.c_str()));
        m_control->reply("ok fail-frames " + arg);
    } else if (cmd == "hang") {
        // The UI thread stops for SECONDS (as if stuck in a driver): the frame loop, and with it the
        // watchdog pings, stop (the watchdog test). The answer comes first: nothing answers after.
        m_control->reply("ok hang " + arg);
        std::this_thread::sleep_for(std::chrono::duration<double>(std::stod(arg)));
    } else if (cmd == "quit") {
        m_control->reply("ok quit");
        m_shell->quit();
    } else {
        m_control->reply("error unknown command " + cmd);
    }
}

// Replaces the real pointer for the frames of a synthetic tap: over, down, up (one frame each).
void TestHooks::beforeFrame() {
    if (!m_control) return;
    ImGuiIO& io = ImGui::GetIO();
    if (m_tapPhase == 0 && !m_pendingTaps.empty()) {
        const PendingTap tap = m_pendingTaps.front();
        m_pendingTaps.pop_front();
        const auto& targets = ui::tapTargets();
        auto it = targets.find(tap.id);
        if (tap.atPoint) {
            m_tapReply = tap.reply;
            m_tapAt = tap.at;
            m_tapPhase = 1;
        } else if (it == targets.end() || !it->second.enabled) {
            m_control->reply("error no button " + tap.id);
            m_pendingTaps.clear();
        } else {
            m_tapReply = tap.reply;
            m_tapAt = ImVec2((it->second.min.x + it->second.max.x) * 0.5f, (it->second.min.y + it->second.max.y) * 0.5f);
            m_tapPhase = 1;
        }
    }
    if (m_tapPhase > 0) {
        // Phase 4 lifts nothing: it lets the screen the tap led to draw once, so the next tap finds
        // that screen's buttons.
        io.MousePos = m_tapAt;
        io.MouseDown[0] = m_tapPhase == 2;
        if (m_tapPhase <= 3) m_shell->noteActivity();  // a finger on the screen is activity
        if (m_tapPhase == 4 && !m_tapReply.empty()) {
            m_control->reply(m_tapReply);
            m_tapReply.clear();
        }
        m_tapPhase = m_tapPhase == 4 ? 0 : m_tapPhase + 1;
        m_shell->requestFrames(3);
    }
}

void TestHooks::duringFrame() {
    if (m_failFrames > 0) {
        --m_failFrames;
        throw std::runtime_error("frame failure injected by the test control");
    }
}

void TestHooks::afterRender() {
    for (const std::string& file : m_pendingShots) saveScreenshot(file);
    m_pendingShots.clear();
}

void TestHooks::saveScreenshot(const std::string& file) {
    const platform::PixelSize size = m_shell->framebufferSize();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(size.width) * static_cast<std::size_t>(size.height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, size.width, size.height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    const bool ok = stbi_write_png(file.c_str(), size.width, size.height, 4, pixels.data(), size.width * 4) != 0;
    m_control->reply((ok ? "ok screenshot " : "error screenshot ") + file);
}

}  // namespace kiosk::app
