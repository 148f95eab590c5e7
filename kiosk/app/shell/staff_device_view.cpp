// The staff device page: system, backend, camera, printer and recent errors, from the health board.
#include <cstdio>
#include <cstdlib>

#include "kiosk/app/shell/staff_screen_parts.hpp"
#include "kiosk/app/shell/staff_screens.hpp"

namespace kiosk::app {
namespace {

using staff_detail::clockAt;
using staff_detail::dayAndTime;
using staff_detail::frameFor;
using staff_detail::taskState;
using ui::Health;
using ui::StaffLine;

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] device
//-----------------------------------------------------------------------------

ui::DeviceView StaffScreens::deviceView(const StaffInputs& in) {
    const ui::Strings& t = in.strings;
    const core::FlowState& s = in.flow;
    const HealthSnapshot h = in.services.health();
    ui::DeviceView v;
    v.frame = frameFor(in);
    v.systemTitle = t.get("staff.device.system");
    v.backendTitle = t.get("staff.device.backend");
    v.cameraTitle = t.get("staff.device.camera");
    v.printerTitle = t.get("staff.device.printer");
    v.errorsTitle = t.get("staff.device.errors");

    // -- system
    const auto up = std::chrono::duration_cast<std::chrono::minutes>(std::chrono::system_clock::now() - h.startedAt);
    const core::ZonedTime office = in.services.timeZone().at(in.wallNow);
    const auto offset = office.offset.count();
    char zone[96];
    std::snprintf(zone, sizeof zone, "%s, UTC%c%02lld:%02lld", in.services.timeZone().name().c_str(), offset < 0 ? '-' : '+',
                  static_cast<long long>(std::abs(offset) / 60), static_cast<long long>(std::abs(offset) % 60));
    v.system = {
        {t.get("staff.device.version"), KIOSK_VERSION, Health::Neutral},
        {t.get("staff.device.kiosk_id"), kioskIdOf(in.settings), Health::Neutral},
        {t.get("staff.device.office"), in.settings.office.name, Health::Neutral},
        {t.get("staff.device.uptime"),
         t.format("staff.device.uptime_value", {{"hours", std::to_string(up.count() / 60)}, {"minutes", std::to_string(up.count() % 60)}}),
         Health::Neutral},
        {t.get("staff.device.ip"), addresses(), Health::Neutral},
        {t.get("staff.device.time"), clockAt(in, in.wallNow) + " (" + zone + ")", Health::Neutral},
        {t.get("staff.device.outbox"), std::to_string(h.outboxDepth), h.outboxDepth > 0 ? Health::Warning : Health::Good},
    };

    // -- backend
    if (in.settings.backend.url.empty()) {
        v.backend.push_back({t.get("staff.device.backend_url"), t.get("staff.device.not_configured"), Health::Bad});
    } else {
        v.backend.push_back({t.get("staff.device.backend_url"), in.settings.backend.url, Health::Neutral});
        if (h.lastBackendError) {
            v.backend.push_back({t.get("staff.device.reachable"),
                                 t.format("staff.device.unreachable", {{"kind", core::toString(*h.lastBackendError)}}), Health::Bad});
        } else if (h.lastBackendContact) {
            v.backend.push_back({t.get("staff.device.reachable"),
                                 t.format("staff.device.reachable_at", {{"time", clockAt(in, std::chrono::floor<std::chrono::seconds>(*h.lastBackendContact))}}),
                                 Health::Good});
        } else {
            v.backend.push_back({t.get("staff.device.reachable"), t.get("staff.device.not_checked"), Health::Neutral});
        }
        char rtt[32] = "—";
        if (h.lastRoundTripMs) std::snprintf(rtt, sizeof rtt, "%.0f ms", *h.lastRoundTripMs);
        v.backend.push_back({t.get("staff.device.round_trip"), rtt, Health::Neutral});
        v.backend.push_back({t.get("staff.device.token"),
                             t.get(h.tokenAccepted ? "staff.device.token_ok" : "staff.device.token_refused"),
                             h.tokenAccepted ? Health::Good : Health::Bad});
    }
    switch (s.staff.backendTest) {
        case core::StaffTask::Running: v.backend.push_back({t.get("staff.device.test"), t.get("staff.device.testing"), Health::Neutral}); break;
        case core::StaffTask::Done: v.backend.push_back({t.get("staff.device.test"), t.get("staff.device.test_ok"), Health::Good}); break;
        case core::StaffTask::Failed:
            v.backend.push_back({t.get("staff.device.test"), t.format("staff.device.test_failed", {{"kind", s.staff.backendTestDetail}}), Health::Bad});
            break;
        case core::StaffTask::Idle: break;
    }
    v.testBackendLabel = t.get("staff.device.test_now");
    v.backendTest = taskState(s.staff.backendTest);

    // -- camera and scanners
    if (h.camera) {
        const bool running = h.camera->state == platform::CameraStatus::State::Running;
        std::string state = t.get(std::string("staff.device.camera_state.") + platform::toString(h.camera->state));
        if (!h.camera->reason.empty() && !running) state += " — " + h.camera->reason;
        v.camera.push_back({t.get("staff.device.camera_state"), state, running ? Health::Good : Health::Bad});
        if (in.preview.texture().id() != nullptr) {
            v.previewTexture = in.preview.texture().id();
            v.previewWidth = in.preview.texture().width();
            v.previewHeight = in.preview.texture().height();
        }
    } else {
        v.camera.push_back({t.get("staff.device.camera_state"), t.get("staff.device.not_configured"), Health::Neutral});
    }
    for (const platform::CameraStatus& scanner : h.scanners) {
        const bool running = scanner.state == platform::CameraStatus::State::Running;
        v.camera.push_back({t.get("staff.device.scanner"), t.get(std::string("staff.device.camera_state.") + platform::toString(scanner.state)),
                            running ? Health::Good : Health::Bad});
    }
    if (s.staff.lastRead) {
        const core::StaffRead& r = *s.staff.lastRead;
        std::string shown = r.shown;
        if (shown == "token") shown = t.get("staff.device.read_token");
        else if (shown.find('.') == std::string::npos) shown = t.format("staff.device.read_not_receipt", {{"reason", shown}});
        v.camera.push_back({t.get("staff.device.last_read"),
                            t.format(r.camera ? "staff.device.read_camera" : "staff.device.read_scanner",
                                     {{"code", shown}, {"count", std::to_string(r.count)}}),
                            Health::Good});
    } else {
        v.camera.push_back({t.get("staff.device.last_read"), t.get("staff.device.read_hint"), Health::Neutral});
    }

    // -- printer
    if (!h.printerConfigured) {
        v.printer.push_back({t.get("staff.device.printer_state"), t.get("staff.device.not_configured"), Health::Neutral});
    } else if (h.printerStatus) {
        const auto& p = *h.printerStatus;
        v.printer.push_back({t.get("staff.device.printer_state"), t.get(p.ready() ? "staff.device.ready" : "staff.device.not_ready"),
                             p.ready() ? Health::Good : Health::Bad});
        v.printer.push_back({t.get("staff.device.paper"),
                             t.get(p.paperOut ? "staff.device.paper_out" : p.paperNearEnd ? "staff.device.paper_low" : "staff.device.paper_ok"),
                             p.paperOut ? Health::Bad : p.paperNearEnd ? Health::Warning : Health::Good});
        v.printer.push_back({t.get("staff.device.cover"), t.get(p.coverOpen ? "staff.device.cover_open" : "staff.device.cover_closed"),
                             p.coverOpen ? Health::Bad : Health::Good});
        v.printer.push_back({t.get("staff.device.online"), t.get(p.online ? "staff.device.yes" : "staff.device.no"),
                             p.online ? Health::Good : Health::Bad});
    } else {
        v.printer.push_back({t.get("staff.device.printer_state"), t.get("staff.device.printer_one_way"), Health::Neutral});
    }
    if (h.printerConfigured) {
        std::uint64_t failed = 0;
        for (const auto n : h.printFailures) failed += n;
        std::string last = h.lastPrintAt ? clockAt(in, std::chrono::floor<std::chrono::seconds>(*h.lastPrintAt)) : "—";
        if (h.lastPrintFailure) last += " — " + t.get(core::translationKey(*h.lastPrintFailure));
        v.printer.push_back({t.get("staff.device.prints"),
                             t.format("staff.device.prints_value", {{"ok", std::to_string(h.printsOk)}, {"failed", std::to_string(failed)}}),
                             failed > 0 ? Health::Warning : Health::Neutral});
        v.printer.push_back({t.get("staff.device.last_print"), last, h.lastPrintFailure ? Health::Bad : Health::Neutral});
    }
    if (s.staff.testPage) {
        std::string text;
        Health health = Health::Neutral;
        switch (s.print) {
            case core::PrintStatus::Printing: text = t.get("staff.device.test_page_printing"); break;
            case core::PrintStatus::Printed: text = t.get("staff.device.test_page_printed"); health = Health::Good; break;
            case core::PrintStatus::Failed:
                text = t.get(core::translationKey(s.printFailure.value_or(core::PrintFailure::Io)));
                health = Health::Bad;
                break;
            case core::PrintStatus::Idle: break;
        }
        if (!text.empty()) v.printer.push_back({t.get("staff.device.test_page"), text, health});
    }
    v.testPageLabel = t.get("staff.device.print_test_page");
    v.testPageEnabled = h.printerConfigured;
    v.testPage = s.print == core::PrintStatus::Printing && s.staff.testPage ? ui::TaskState::Running : ui::TaskState::Idle;

    // -- errors, newest first
    for (auto it = h.recentErrors.rbegin(); it != h.recentErrors.rend(); ++it) {
        v.errors.push_back({dayAndTime(in, std::chrono::floor<std::chrono::seconds>(it->at)),
                            t.get("staff.device.area." + std::string(toString(it->area))) + ": " + it->kind, Health::Warning});
    }
    if (v.errors.empty()) v.errors.push_back({t.get("staff.device.errors"), t.get("staff.device.no_errors"), Health::Good});
    return v;
}

}  // namespace kiosk::app
