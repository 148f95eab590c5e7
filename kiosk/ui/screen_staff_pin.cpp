// The staff PIN pad (StaffPin) and the page for a new PIN (staff mode's PIN tab).
#include "kiosk/ui/staff_widgets.hpp"

namespace kiosk::ui {

using staff_detail::PadPress;

std::optional<StaffUiEvent> drawPinPad(const PinPadView& v) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    beginScreen("staff-pin");
    const detail::Rect body = detail::drawHeader(v.chrome, v.title);
    const float colW = std::min(body.width(), 760.0f * m.scale);
    const float x = body.min.x + (body.width() - colW) * 0.5f;
    detail::moveTo(ImVec2(x, body.min.y));
    centredText(v.wrong || v.locked ? f.bodyBold : f.body, v.prompt,
                v.wrong || v.locked ? theme.palette.danger : theme.palette.text, colW);
    const float dotsY = ImGui::GetCursorScreenPos().y + m.gap * 1.5f;
    staff_detail::pinDots(v.digits, ImVec2(x + colW * 0.5f, dotsY));
    const float backH = m.touch;
    const detail::Rect pad{ImVec2(x, dotsY + m.gap * 2.0f), ImVec2(x + colW, body.max.y - backH - m.gap)};
    const bool keys = !v.locked && !v.checking;
    const PadPress press = staff_detail::digitPad("pin", pad, {v.okLabel, v.clearLabel, v.deleteLabel}, keys && v.digits < 12,
                                                  keys && v.digits > 0, keys && v.digits >= 4);
    switch (press.kind) {
        case PadPress::Kind::Digit: event = staff_act::PinKey{press.digit}; break;
        case PadPress::Kind::Erase: event = staff_act::PinErase{false}; break;
        case PadPress::Kind::EraseAll: event = staff_act::PinErase{true}; break;
        case PadPress::Kind::Ok: event = staff_act::PinSubmit{}; break;
        case PadPress::Kind::None: break;
    }
    if (v.checking) {
        drawSpinner(ImGui::GetWindowDrawList(), ImVec2(x + colW + m.gap * 3.0f, dotsY), 24.0f * m.scale, ImGui::GetTime(),
                    toU32(theme.palette.primary), 6.0f * m.scale);
        requestAnimation();
    }
    detail::moveTo(ImVec2(x, body.max.y - backH));
    if (touchButton("pin-back", v.backLabel, ImVec2(colW, backH))) event = staff_act::PinBack{};
    endScreen();
    return event;
}

namespace staff_detail {

std::optional<StaffUiEvent> newPinPanel(const NewPinView& v, const Rect& r) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    const float colW = std::min(r.width(), 760.0f * m.scale);
    const float x = r.min.x + (r.width() - colW) * 0.5f;
    detail::moveTo(ImVec2(x, r.min.y));
    centredText(v.problem ? f.bodyBold : f.body, v.prompt, v.problem ? theme.palette.danger : theme.palette.text, colW);
    const float dotsY = ImGui::GetCursorScreenPos().y + m.gap * 1.5f;
    pinDots(v.digits, ImVec2(x + colW * 0.5f, dotsY));
    const bool busy = v.saving == TaskState::Running;
    const int extraRows = (v.offerKeep ? 1 : 0) + (v.cancelLabel.empty() ? 0 : 1);
    const float footH = static_cast<float>(extraRows) * (m.touch + m.gap);
    const Rect pad{ImVec2(x, dotsY + m.gap * 2.0f), ImVec2(x + colW, r.max.y - footH)};
    const PadPress press = digitPad("newpin", pad, {v.okLabel, v.clearLabel, v.deleteLabel}, !busy && v.digits < 12,
                                    !busy && v.digits > 0, !busy && v.digits >= 4);
    switch (press.kind) {
        case PadPress::Kind::Digit: event = staff_act::NewPinKey{press.digit}; break;
        case PadPress::Kind::Erase: event = staff_act::NewPinErase{false}; break;
        case PadPress::Kind::EraseAll: event = staff_act::NewPinErase{true}; break;
        case PadPress::Kind::Ok: event = staff_act::NewPinSubmit{}; break;
        case PadPress::Kind::None: break;
    }
    float y = r.max.y - footH + m.gap;
    if (v.offerKeep) {
        detail::moveTo(ImVec2(x, y));
        if (touchButton("newpin-keep", v.keepLabel, ImVec2(colW, m.touch), ButtonKind::Secondary, !busy)) event = staff_act::KeepPin{};
        y += m.touch + m.gap;
    }
    if (!v.cancelLabel.empty()) {
        detail::moveTo(ImVec2(x, y));
        if (touchButton("newpin-cancel", v.cancelLabel, ImVec2(colW, m.touch), ButtonKind::Secondary, !busy)) {
            event = staff_act::NewPinCancel{};
        }
    }
    return event;
}

}  // namespace staff_detail

std::optional<StaffUiEvent> drawStaffPin(const StaffPinPageView& v) {
    std::optional<StaffUiEvent> event;
    beginScreen("staff-pin-page");
    const staff_detail::Rect body = staff_detail::drawFrame(v.frame, event);
    if (auto e = staff_detail::newPinPanel(v.pin, body)) event = e;
    endScreen();
    return event;
}

}  // namespace kiosk::ui
