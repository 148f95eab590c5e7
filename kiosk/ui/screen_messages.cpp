// Not found, invalid code and problem screens: one icon, a title, what happened, what to do now.
#include <string>

#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {
namespace {

// Same names as core::toString(LookupErrorKind); kept here so the screens do not depend on the
// backend client's translation unit.
const char* kindName(core::LookupErrorKind kind) {
    switch (kind) {
    case core::LookupErrorKind::Offline: return "offline";
    case core::LookupErrorKind::Timeout: return "timeout";
    case core::LookupErrorKind::NotFound: return "not_found";
    case core::LookupErrorKind::Unauthorized: return "unauthorized";
    case core::LookupErrorKind::Server: return "server";
    case core::LookupErrorKind::BadResponse: return "bad_response";
    case core::LookupErrorKind::Tls: return "tls";
    case core::LookupErrorKind::Cancelled: return "cancelled";
    }
    return "server";
}

struct Message {
    const char* screenId;
    StatusTone tone;
    std::string header;
    std::string title;
    std::string body;
    std::string whatNow;
    std::string retryLabel;
    std::string doneLabel;
};

std::optional<UiEvent> drawMessage(const Chrome& chrome, const Message& msg) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;

    beginScreen(msg.screenId);
    const detail::Rect body = detail::drawHeader(chrome, msg.header);
    const float textW = std::min(body.width(), 1300.0f * m.scale);
    const float x = body.min.x + (body.width() - textW) * 0.5f;
    const float radius = 72.0f * m.scale;
    const ImVec2 centre((body.min.x + body.max.x) * 0.5f, body.min.y + radius + m.gap);
    drawStatusIcon(ImGui::GetWindowDrawList(), msg.tone, centre, radius, toU32(statusColour(msg.tone)),
                   toU32(statusTextColour(msg.tone)));
    detail::moveTo(ImVec2(x, centre.y + radius + m.gap * 1.5f));
    centredText(f.huge, msg.title, theme.palette.text, textW);
    vspace(m.gap * 0.5f);
    centredText(f.body, msg.body, theme.palette.text, textW);
    if (!msg.whatNow.empty()) {
        vspace(m.gap);
        detail::moveTo(ImVec2(x, ImGui::GetCursorScreenPos().y));
        centredText(f.bodyBold, msg.whatNow, theme.palette.text, textW);
    }

    const bool tall = detail::portrait();
    const float h = m.touch * 1.3f;
    if (tall) {
        detail::moveTo(ImVec2(body.min.x, body.max.y - 2.0f * h - m.gap));
        if (!msg.retryLabel.empty() &&
            touchButton("retry", msg.retryLabel, ImVec2(body.width(), h), ButtonKind::Primary, true, f.title)) {
            event = act::Retry{};
        }
        detail::moveTo(ImVec2(body.min.x, body.max.y - h));
        if (touchButton("done", msg.doneLabel, ImVec2(body.width(), h))) {
            event = act::Done{};
        }
    } else {
        const float w = std::min((body.width() - m.gap) * 0.5f, 640.0f * m.scale);
        const float total = msg.retryLabel.empty() ? w : 2.0f * w + m.gap;
        detail::moveTo(ImVec2(body.min.x + (body.width() - total) * 0.5f, body.max.y - h));
        if (touchButton("done", msg.doneLabel, ImVec2(w, h))) {
            event = act::Done{};
        }
        if (!msg.retryLabel.empty()) {
            ImGui::SameLine(0.0f, m.gap);
            if (touchButton("retry", msg.retryLabel, ImVec2(w, h), ButtonKind::Primary, true, f.title)) {
                event = act::Retry{};
            }
        }
    }
    endScreen();
    return event;
}

}  // namespace

std::optional<UiEvent> drawNotFound(const NotFoundView& view) {
    const Strings& t = *view.chrome.text;
    return drawMessage(view.chrome, Message{"not-found", StatusTone::Unknown, t.get("screens.not_found.header"),
                                            t.get("screens.not_found.title"),
                                            t.format("screens.not_found.body", {{"code", view.code}}),
                                            t.get("screens.not_found.what_now"), t.get("screens.common.type_again"),
                                            t.get("screens.common.home")});
}

std::optional<UiEvent> drawInvalidCode(const InvalidCodeView& view) {
    const Strings& t = *view.chrome.text;
    const std::string reasonKey = "screens.invalid." + view.reason;
    return drawMessage(view.chrome, Message{"invalid-code", StatusTone::ActionNeeded, t.get("screens.invalid.header"),
                                            t.get("screens.invalid.title"),
                                            t.has(reasonKey) ? t.get(reasonKey) : t.get("screens.invalid.bad_code_format"),
                                            t.get("screens.invalid.what_now"), t.get("screens.common.type_code"),
                                            t.get("screens.common.home")});
}

std::optional<UiEvent> drawProblem(const ProblemView& view) {
    const Strings& t = *view.chrome.text;
    const std::string kind(kindName(view.kind));
    const std::string prefix = "screens.problem." + kind;
    // Offline, timeouts and server errors may pass: offer to try again. The rest need staff.
    const bool retryable = view.kind == core::LookupErrorKind::Offline || view.kind == core::LookupErrorKind::Timeout ||
                           view.kind == core::LookupErrorKind::Server || view.kind == core::LookupErrorKind::Cancelled;
    return drawMessage(view.chrome, Message{"problem", StatusTone::Stopped, t.get("screens.problem.header"),
                                            t.get(prefix + ".title"), t.get(prefix + ".body"),
                                            t.get(retryable ? "screens.problem.what_now_retry" : "screens.problem.what_now_staff"),
                                            retryable ? t.get("screens.problem.retry") : std::string(),
                                            t.get("screens.common.home")});
}

std::optional<UiEvent> drawIdleWarning(const IdleWarningView& view) {
    const Strings& t = *view.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::Begin("idle-warning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    ImGui::SetWindowFocus();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y), toU32(theme.palette.overlay));
    const float w = std::min(vp->Size.x - 2.0f * m.padding, 1100.0f * m.scale);
    const float innerW = w - 2.0f * m.padding;
    const std::string body = t.format("screens.idle.body", {{"seconds", std::to_string(view.secondsLeft)}});
    const std::string count = std::to_string(view.secondsLeft);
    const float h = m.padding * 2.0f + wrappedTextHeight(f.title, t.get("screens.idle.title"), innerW) +
                    f.huge->FontSize * 1.6f + wrappedTextHeight(f.body, body, innerW) + m.touch * 1.3f + m.gap * 4.0f;
    const ImVec2 a(vp->Pos.x + (vp->Size.x - w) * 0.5f, vp->Pos.y + (vp->Size.y - h) * 0.5f);
    detail::drawCard(a, ImVec2(a.x + w, a.y + h));
    detail::moveTo(ImVec2(a.x + m.padding, a.y + m.padding));
    centredText(f.title, t.get("screens.idle.title"), theme.palette.text, innerW);
    vspace(m.gap * 0.5f);
    detail::moveTo(ImVec2(a.x + m.padding, ImGui::GetCursorScreenPos().y));
    centredText(f.huge, count, theme.palette.primary, innerW);
    detail::moveTo(ImVec2(a.x + m.padding, ImGui::GetCursorScreenPos().y));
    centredText(f.body, body, theme.palette.text, innerW);
    detail::moveTo(ImVec2(a.x + m.padding, a.y + h - m.padding - m.touch * 1.3f));
    if (touchButton("still-here", t.get("screens.idle.stay"), ImVec2(innerW, m.touch * 1.3f), ButtonKind::Primary, true,
                    f.title)) {
        event = act::StillHere{};
    }
    ImGui::End();
    return event;
}

}  // namespace kiosk::ui
