#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {

std::optional<UiEvent> drawLookingUp(const LookingUpView& view) {
    const Strings& t = *view.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;

    beginScreen("looking-up");
    const detail::Rect body = detail::drawHeader(view.chrome, t.get("screens.lookup.header"));
    const float radius = 90.0f * m.scale;
    const ImVec2 centre((body.min.x + body.max.x) * 0.5f, body.min.y + body.height() * 0.28f);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddCircle(centre, radius, toU32(theme.palette.surfaceAlt), 64, 16.0f * m.scale);
    drawSpinner(list, centre, radius, view.elapsedSeconds, toU32(theme.palette.primary), 16.0f * m.scale);

    detail::moveTo(ImVec2(body.min.x, centre.y + radius + m.gap * 2.0f));
    centredText(f.huge, t.get("screens.lookup.title"), theme.palette.text, body.width());
    centredText(f.title, t.format("screens.lookup.code", {{"code", view.code}}), theme.palette.textMuted, body.width());
    if (view.elapsedSeconds > 4.0) {
        vspace(m.gap);
        centredText(f.body, t.get("screens.lookup.slow"), theme.palette.text, body.width());
    }
    const float w = std::min(body.width(), 560.0f * m.scale);
    detail::moveTo(ImVec2(body.min.x + (body.width() - w) * 0.5f, body.max.y - m.touch * 1.2f));
    if (touchButton("cancel", t.get("screens.lookup.cancel"), ImVec2(w, m.touch * 1.2f), ButtonKind::Danger, true,
                    f.bodyBold)) {
        event = act::CancelLookup{};
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
