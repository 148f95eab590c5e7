// Staff mode's first page: the device at a glance (system, backend, camera and scanner, printer, last
// errors), with "test now" for the backend and a test page for the printer.
#include "kiosk/ui/staff_widgets.hpp"

namespace kiosk::ui {
namespace {

void cardTitle(const std::string& text, float width) { detail::heading(text, width); }

std::optional<StaffUiEvent> backendPart(const DeviceView& v, float width) {
    const Metrics& m = currentTheme().metrics;
    std::optional<StaffUiEvent> event;
    cardTitle(v.backendTitle, width);
    staff_detail::drawLines(v.backend, width);
    const bool running = v.backendTest == TaskState::Running;
    if (touchButton("device-test-backend", v.testBackendLabel, ImVec2(std::min(width, 520.0f * m.scale), m.touch),
                    ButtonKind::Primary, !running, fonts().bodyBold)) {
        event = staff_act::TestBackend{};
    }
    if (running) {
        const ImVec2 p = ImGui::GetItemRectMax();
        drawSpinner(ImGui::GetWindowDrawList(), ImVec2(p.x + m.gap * 2.0f, p.y - m.touch * 0.5f), 20.0f * m.scale,
                    ImGui::GetTime(), toU32(currentTheme().palette.primary), 5.0f * m.scale);
        requestAnimation();
    }
    return event;
}

std::optional<StaffUiEvent> printerPart(const DeviceView& v, float width) {
    const Metrics& m = currentTheme().metrics;
    std::optional<StaffUiEvent> event;
    cardTitle(v.printerTitle, width);
    staff_detail::drawLines(v.printer, width);
    if (touchButton("device-test-page", v.testPageLabel, ImVec2(std::min(width, 520.0f * m.scale), m.touch),
                    ButtonKind::Primary, v.testPageEnabled && v.testPage != TaskState::Running, fonts().bodyBold)) {
        event = staff_act::TestPage{};
    }
    return event;
}

void cameraPart(const DeviceView& v, float width) {
    const Metrics& m = currentTheme().metrics;
    cardTitle(v.cameraTitle, width);
    if (v.previewTexture != nullptr && v.previewWidth > 0 && v.previewHeight > 0) {
        const float w = std::min(width, 480.0f * m.scale);
        const float h = w * static_cast<float>(v.previewHeight) / static_cast<float>(v.previewWidth);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddImage(v.previewTexture, p, ImVec2(p.x + w, p.y + h));
        detail::moveTo(ImVec2(p.x, p.y + h + m.gap * 0.5f));
    }
    staff_detail::drawLines(v.camera, width);
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
        cardTitle(v.systemTitle, w);
        staff_detail::drawLines(v.system, w);
        take(backendPart(v, w));
        cameraPart(v, w);
        take(printerPart(v, w));
        cardTitle(v.errorsTitle, w);
        staff_detail::drawLines(v.errors, w);
        vspace(m.gap);
        endTouchScroll();
    } else {
        const float colW = (body.width() - m.gap * 1.5f) * 0.5f;
        detail::moveTo(body.min);
        beginTouchScroll("device-left", ImVec2(colW, body.height()));
        const float w = colW - scrollbar;
        cardTitle(v.systemTitle, w);
        staff_detail::drawLines(v.system, w);
        take(backendPart(v, w));
        cardTitle(v.errorsTitle, w);
        staff_detail::drawLines(v.errors, w);
        vspace(m.gap);
        endTouchScroll();
        detail::moveTo(ImVec2(body.max.x - colW, body.min.y));
        beginTouchScroll("device-right", ImVec2(colW, body.height()));
        cameraPart(v, w);
        take(printerPart(v, w));
        vspace(m.gap);
        endTouchScroll();
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
