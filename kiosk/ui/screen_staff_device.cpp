// Staff mode's first page: the device at a glance (system, backend, camera and scanner, printer, last
// errors), with "test now" for the backend and a test page for the printer.
#include "kiosk/ui/staff_widgets.hpp"

namespace kiosk::ui {
namespace {

void cardTitle(const std::string& text, float width) { detail::heading(text, width); }

/// The two tests, side by side above the sections they test, so both are always in view.
std::optional<StaffUiEvent> testButtons(const DeviceView& v, float width) {
    const Metrics& m = currentTheme().metrics;
    std::optional<StaffUiEvent> event;
    const float w = (width - m.gap) * 0.5f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool testing = v.backendTest == TaskState::Running;
    if (touchButton("device-test-backend", v.testBackendLabel, ImVec2(w, m.touch), ButtonKind::Primary, !testing,
                    fonts().bodyBold)) {
        event = staff_act::TestBackend{};
    }
    if (testing) {
        drawSpinner(ImGui::GetWindowDrawList(), ImVec2(p.x + w - m.touch * 0.5f, p.y + m.touch * 0.5f), 18.0f * m.scale,
                    ImGui::GetTime(), toU32(currentTheme().palette.primaryText), 4.0f * m.scale);
        requestAnimation();
    }
    detail::moveTo(ImVec2(p.x + w + m.gap, p.y));
    if (touchButton("device-test-page", v.testPageLabel, ImVec2(w, m.touch), ButtonKind::Primary,
                    v.testPageEnabled && v.testPage != TaskState::Running, fonts().bodyBold)) {
        event = staff_act::TestPage{};
    }
    detail::moveTo(ImVec2(p.x, p.y + m.touch + m.gap * 0.5f));
    return event;
}

void cameraPart(const DeviceView& v, float width) {
    const Metrics& m = currentTheme().metrics;
    cardTitle(v.cameraTitle, width);
    // The lines first: the code just read is what staff look for; the picture helps aim the receipt.
    staff_detail::drawLines(v.camera, width);
    if (v.previewTexture != nullptr && v.previewWidth > 0 && v.previewHeight > 0) {
        const float w = std::min(width, 400.0f * m.scale);
        const float h = w * static_cast<float>(v.previewHeight) / static_cast<float>(v.previewWidth);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddImage(v.previewTexture, p, ImVec2(p.x + w, p.y + h));
        detail::moveTo(ImVec2(p.x, p.y + h + m.gap * 0.5f));
    }
}

}  // namespace

std::optional<StaffUiEvent> drawStaffDevice(const DeviceView& v) {
    const Metrics& m = currentTheme().metrics;
    std::optional<StaffUiEvent> event;
    auto take = [&](std::optional<StaffUiEvent> e) {
        if (e) event = std::move(e);
    };
    beginScreen("staff-device");
    const staff_detail::Rect body = staff_detail::drawFrame(v.frame, event);
    const float scrollbar = 24.0f * m.scale;
    if (detail::portrait()) {
        detail::moveTo(body.min);
        beginTouchScroll("device-scroll", ImVec2(body.width(), body.height()));
        const float w = body.width() - scrollbar;
        take(testButtons(v, w));
        cardTitle(v.systemTitle, w);
        staff_detail::drawLines(v.system, w);
        cardTitle(v.backendTitle, w);
        staff_detail::drawLines(v.backend, w);
        cameraPart(v, w);
        cardTitle(v.printerTitle, w);
        staff_detail::drawLines(v.printer, w);
        cardTitle(v.errorsTitle, w);
        staff_detail::drawLines(v.errors, w);
        vspace(m.gap);
        endTouchScroll();
    } else {
        // Left: what the kiosk is, its camera and its errors; right: what staff test (backend, printer),
        // so both test buttons are always in view.
        const float colW = (body.width() - m.gap * 1.5f) * 0.5f;
        detail::moveTo(body.min);
        beginTouchScroll("device-left", ImVec2(colW, body.height()));
        const float w = colW - scrollbar;
        cardTitle(v.systemTitle, w);
        staff_detail::drawLines(v.system, w);
        cameraPart(v, w);
        cardTitle(v.errorsTitle, w);
        staff_detail::drawLines(v.errors, w);
        vspace(m.gap);
        endTouchScroll();
        detail::moveTo(ImVec2(body.max.x - colW, body.min.y));
        beginTouchScroll("device-right", ImVec2(colW, body.height()));
        take(testButtons(v, w));
        cardTitle(v.backendTitle, w);
        staff_detail::drawLines(v.backend, w);
        cardTitle(v.printerTitle, w);
        staff_detail::drawLines(v.printer, w);
        vspace(m.gap);
        endTouchScroll();
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
