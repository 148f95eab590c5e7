// Not found, invalid code and problem screens: one icon, a title, what happened, what to do now.
#include <algorithm>
#include <string>

#include "kiosk/core/dossier/spoken_status.hpp"

#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {
namespace {

struct Message {
    const char* screenId;
    StatusTone tone;
    std::string header;
    std::string title;
    std::string body;
    std::string whatNow;
    std::string retryLabel;
    std::string doneLabel;
    bool receiptDrawing = false;  ///< show where the dossier code is printed on the receipt
    std::string drawingCaption{};
    bool listen = false;          ///< the "Nghe" button (audio.enabled)
    bool speaking = false;
    std::string listenLabel{};
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
    // Buttons as on every screen: in a row the primary is on the right, in a column on top.
    const int buttons = 1 + (msg.retryLabel.empty() ? 0 : 1) + (msg.listen ? 1 : 0);
    const float buttonsTop = tall ? body.max.y - static_cast<float>(buttons) * (h + m.gap) + m.gap : body.max.y - h;
    if (msg.receiptDrawing) {
        // The empty space between the text and the buttons shows where the code is on the receipt.
        const float top = ImGui::GetCursorScreenPos().y + m.gap;
        const float room = buttonsTop - m.gap - top;
        if (room > 200.0f * m.scale) {
            const float rh = std::min(room, 560.0f * m.scale);
            const float rw = rh * 0.72f;
            const float captionW = std::min(body.width() * 0.4f, 620.0f * m.scale);
            const float total = rw + 60.0f * m.scale + captionW;
            detail::drawReceipt(ImVec2(body.min.x + (body.width() - total) * 0.5f, top + (room - rh) * 0.5f), rh, msg.drawingCaption,
                        captionW);
        }
    }
    if (tall) {
        float y = buttonsTop;
        if (!msg.retryLabel.empty()) {
            detail::moveTo(ImVec2(body.min.x, y));
            if (touchButton("retry", msg.retryLabel, ImVec2(body.width(), h), ButtonKind::Primary, true, f.title)) {
                event = act::Retry{};
            }
            y += h + m.gap;
        }
        if (msg.listen) {
            detail::moveTo(ImVec2(body.min.x, y));
            if (touchButton("listen", msg.listenLabel, ImVec2(body.width(), h),
                            msg.speaking ? ButtonKind::Selected : ButtonKind::Secondary, true, f.bodyBold)) {
                event = act::Speak{};
            }
            y += h + m.gap;
        }
        detail::moveTo(ImVec2(body.min.x, y));
        if (touchButton("done", msg.doneLabel, ImVec2(body.width(), h))) {
            event = act::Done{};
        }
    } else {
        const float w = std::min((body.width() - static_cast<float>(buttons - 1) * m.gap) / static_cast<float>(buttons),
                                 560.0f * m.scale);
        const float total = static_cast<float>(buttons) * w + static_cast<float>(buttons - 1) * m.gap;
        detail::moveTo(ImVec2(body.min.x + (body.width() - total) * 0.5f, buttonsTop));
        if (touchButton("done", msg.doneLabel, ImVec2(w, h))) {
            event = act::Done{};
        }
        if (msg.listen) {
            ImGui::SameLine(0.0f, m.gap);
            if (touchButton("listen", msg.listenLabel, ImVec2(w, h), msg.speaking ? ButtonKind::Selected : ButtonKind::Secondary,
                            true, f.bodyBold)) {
                event = act::Speak{};
            }
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
    Message msg{"not-found", StatusTone::Unknown, t.get("screens.not_found.header"), t.get("screens.not_found.title"),
                t.format("screens.not_found.body", {{"code", view.code}}), t.get("screens.not_found.what_now"),
                t.get("screens.common.type_again"), t.get("screens.common.home")};
    msg.receiptDrawing = true;
    msg.drawingCaption = t.get("screens.not_found.where_code");
    return drawMessage(view.chrome, msg);
}

std::optional<UiEvent> drawInvalidCode(const InvalidCodeView& view) {
    const Strings& t = *view.chrome.text;
    const std::string reasonKey = "screens.invalid." + view.reason;
    Message msg{"invalid-code", StatusTone::ActionNeeded, t.get("screens.invalid.header"), t.get("screens.invalid.title"),
                t.has(reasonKey) ? t.get(reasonKey) : t.get("screens.invalid.bad_code_format"),
                t.get("screens.invalid.what_now"), t.get("screens.common.type_code"), t.get("screens.common.home")};
    msg.receiptDrawing = true;
    msg.drawingCaption = t.get("screens.not_found.where_code");
    return drawMessage(view.chrome, msg);
}

std::optional<UiEvent> drawProblem(const ProblemView& view) {
    const Strings& t = *view.chrome.text;
    const std::string prefix = "screens.problem." + std::string(core::toString(view.kind));
    // Offline, timeouts and server errors may pass: offer to try again. The rest need staff. The same
    // rule words the spoken version (kiosk/core/dossier/spoken_status.hpp).
    const bool retryable = core::problemIsRetryable(view.kind);
    Message msg{"problem", StatusTone::Stopped, t.get("screens.problem.header"), t.get(prefix + ".title"),
                t.get(prefix + ".body"),
                t.get(retryable ? "screens.problem.what_now_retry" : "screens.problem.what_now_staff"),
                retryable ? t.get("screens.problem.retry") : std::string(), t.get("screens.common.home")};
    msg.receiptDrawing = true;
    msg.drawingCaption = t.get("screens.not_found.where_code");
    msg.listen = view.speechAvailable;
    msg.speaking = view.speaking;
    msg.listenLabel = t.get(view.speaking ? "screens.common.listen_stop" : "screens.common.listen");
    return drawMessage(view.chrome, msg);
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
    // "Kết thúc" (end now, wipe) beside "Tiếp tục": secondary on the left, primary on the right.
    const float bw = (innerW - m.gap) * 0.5f;
    detail::moveTo(ImVec2(a.x + m.padding, a.y + h - m.padding - m.touch * 1.3f));
    if (touchButton("end-session", t.get("screens.idle.end"), ImVec2(bw, m.touch * 1.3f), ButtonKind::Secondary, true,
                    f.bodyBold)) {
        event = act::EndSession{};
    }
    ImGui::SameLine(0.0f, m.gap);
    if (touchButton("still-here", t.get("screens.idle.stay"), ImVec2(bw, m.touch * 1.3f), ButtonKind::Primary, true,
                    f.title)) {
        event = act::StillHere{};
    }
    ImGui::End();
    return event;
}

}  // namespace kiosk::ui
