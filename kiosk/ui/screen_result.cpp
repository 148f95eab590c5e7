// Result screen.
// Index: [SECTION] status card, [SECTION] details and history, [SECTION] side panel (QR, rating,
// print, done), [SECTION] layout.
#include <algorithm>
#include <string>

#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {
namespace {

using detail::Rect;

//-----------------------------------------------------------------------------
// [SECTION] status card
//-----------------------------------------------------------------------------

// Coloured band with the status icon and label, then days left / overdue and the apology.
void statusCard(const ResultView& v, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float radius = 44.0f * m.scale;
    const float textX = m.padding + radius * 2.0f + m.gap;
    const float textW = width - textX - m.padding;
    const float labelH = wrappedTextHeight(f.title, v.statusLabel, textW);
    const float dueH = v.dueLine.empty() ? 0.0f : wrappedTextHeight(f.bodyBold, v.dueLine, textW) + 6.0f * m.scale;
    const float h = std::max(radius * 2.0f, labelH + dueH) + 2.0f * m.padding * 0.75f;
    const ImU32 fill = toU32(statusColour(v.tone));
    const ImU32 ink = toU32(statusTextColour(v.tone));
    list->AddRectFilled(a, ImVec2(a.x + width, a.y + h), fill, m.radius);
    drawStatusIcon(list, v.tone, ImVec2(a.x + m.padding + radius, a.y + h * 0.5f), radius, ink, fill);
    float y = a.y + (h - labelH - dueH) * 0.5f;
    y += drawWrappedAt(list, f.title, ImVec2(a.x + textX, y), v.statusLabel, ink, textW);
    if (!v.dueLine.empty()) {
        drawWrappedAt(list, f.bodyBold, ImVec2(a.x + textX, y + 6.0f * m.scale), v.dueLine, ink, textW);
    }
    ImGui::Dummy(ImVec2(width, h));
    if (v.overdue && !v.apology.empty()) {
        vspace(4.0f * m.scale);
        wrappedText(f.body, v.apology, theme.palette.text, width);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] details and history
//-----------------------------------------------------------------------------

void nextStepBox(const ResultView& v, const Strings& t, float width) {
    if (v.nextStep.empty()) {
        return;
    }
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float innerW = width - 2.0f * m.padding * 0.75f;
    const std::string& label = t.get("screens.result.next_step");
    const float h = m.padding * 1.5f + wrappedTextHeight(f.bodyBold, label, innerW) + wrappedTextHeight(f.body, v.nextStep, innerW);
    list->AddRectFilled(a, ImVec2(a.x + width, a.y + h), toU32(theme.palette.surfaceAlt), m.radius);
    list->AddRectFilled(a, ImVec2(a.x + 10.0f * m.scale, a.y + h), toU32(statusColour(v.tone)), m.radius, ImDrawFlags_RoundCornersLeft);
    float y = a.y + m.padding * 0.75f;
    y += drawWrappedAt(list, f.bodyBold, ImVec2(a.x + m.padding * 0.75f, y), label, toU32(theme.palette.text), innerW);
    drawWrappedAt(list, f.body, ImVec2(a.x + m.padding * 0.75f, y), v.nextStep, toU32(theme.palette.text), innerW);
    ImGui::Dummy(ImVec2(width, h));
}

void timeline(const ResultView& v, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float dot = 14.0f * m.scale;
    const float textX = dot * 2.0f + m.gap;
    const float textW = width - textX;
    for (std::size_t i = 0; i < v.history.size(); ++i) {
        const TimelineItem& item = v.history[i];
        const bool last = i + 1 == v.history.size();
        const ImVec2 a = ImGui::GetCursorScreenPos();
        float h = wrappedTextHeight(f.small, item.time, textW) + wrappedTextHeight(f.bodyBold, item.action, textW) +
                  wrappedTextHeight(f.body, item.unit, textW);
        if (!item.note.empty()) {
            h += wrappedTextHeight(f.small, item.note, textW);
        }
        h += m.gap;
        const ImVec2 c(a.x + dot, a.y + f.small->FontSize * 0.6f);
        if (!last) {
            list->AddLine(ImVec2(c.x, c.y + dot), ImVec2(c.x, a.y + h + f.small->FontSize * 0.6f - dot),
                          toU32(theme.palette.border), 4.0f * m.scale);
        }
        if (last) {  // the current step is filled, earlier ones are rings
            list->AddCircleFilled(c, dot, toU32(statusColour(v.tone)), 24);
        } else {
            list->AddCircle(c, dot * 0.8f, toU32(theme.palette.textMuted), 24, 4.0f * m.scale);
        }
        float y = a.y;
        y += drawWrappedAt(list, f.small, ImVec2(a.x + textX, y), item.time, toU32(theme.palette.textMuted), textW);
        y += drawWrappedAt(list, f.bodyBold, ImVec2(a.x + textX, y), item.action, toU32(theme.palette.text), textW);
        y += drawWrappedAt(list, f.body, ImVec2(a.x + textX, y), item.unit, toU32(theme.palette.textMuted), textW);
        if (!item.note.empty()) {
            drawWrappedAt(list, f.small, ImVec2(a.x + textX, y), item.note, toU32(theme.palette.text), textW);
        }
        ImGui::Dummy(ImVec2(width, h));
    }
}

void details(const ResultView& v, const Strings& t, float width, bool withQr) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    statusCard(v, width);
    vspace(m.gap * 0.5f);
    if (!v.explanation.empty()) {
        wrappedText(f.body, v.explanation, theme.palette.text, width);
        vspace(m.gap * 0.5f);
    }
    nextStepBox(v, t, width);

    if (!v.missingDocuments.empty()) {
        detail::heading(t.get("screens.result.missing"), width);
        for (const std::string& doc : v.missingDocuments) {
            wrappedText(f.body, "•  " + doc, theme.palette.text, width);
        }
    }
    if (!v.fees.empty()) {
        detail::heading(t.get("screens.result.fees"), width);
        for (const FeeLine& fee : v.fees) {
            const std::string& state = t.get(fee.paid ? "screens.result.paid" : "screens.result.unpaid");
            wrappedText(f.bodyBold, fee.description + " — " + fee.amount + " (" + state + ")", theme.palette.text, width);
            if (!fee.howToPay.empty() && !fee.paid) {
                wrappedText(f.body, fee.howToPay, theme.palette.textMuted, width);
            }
        }
    }
    if (!v.pickupPlace.empty() || !v.pickupDate.empty() || !v.resultDelivery.empty()) {
        detail::heading(t.get("screens.result.pickup"), width);
        if (!v.pickupPlace.empty()) {
            detail::field(t.get("screens.result.pickup_place"), v.pickupPlace, width);
        }
        if (!v.pickupDate.empty()) {
            detail::field(t.get("screens.result.pickup_date"), v.pickupDate, width);
        }
        if (!v.resultDelivery.empty()) {
            detail::field(t.get("screens.result.delivery"), v.resultDelivery, width);
        }
    }

    detail::heading(t.get("screens.result.about"), width);
    const float half = (width - m.gap) * 0.5f;
    detail::field(t.get("screens.result.code"), v.code, width);
    detail::field(t.get("screens.result.procedure"), v.procedure, width);
    if (!v.agency.empty()) {
        detail::field(t.get("screens.result.agency"), v.agency, width);
    }
    detail::field(t.get("screens.result.applicant"), v.applicant, width);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    detail::field(t.get("screens.result.received"), v.received, half);
    ImGui::EndGroup();
    detail::moveTo(ImVec2(row.x + half + m.gap, row.y));
    ImGui::BeginGroup();
    detail::field(t.get("screens.result.due"), v.due, half);
    ImGui::EndGroup();
    detail::moveTo(ImVec2(row.x, ImGui::GetItemRectMax().y + 6.0f * m.scale));
    if (!v.backendNote.empty()) {
        detail::field(t.get("screens.result.note"), v.backendNote, width);
    }
    if (!v.history.empty()) {
        detail::heading(t.get("screens.result.history"), width);
        timeline(v, width);
    }
    if (withQr && !v.followUrl.empty()) {
        detail::heading(t.get("screens.result.follow"), width);
        wrappedText(f.body, t.get("screens.result.follow_hint"), theme.palette.text, width);
        const float side = std::min(width, 360.0f * m.scale);
        detail::moveTo(ImVec2(ImGui::GetCursorScreenPos().x + (width - side) * 0.5f, ImGui::GetCursorScreenPos().y));
        drawQr(v.followUrl, side);
    }
    vspace(m.padding);
}

//-----------------------------------------------------------------------------
// [SECTION] side panel (QR, rating, print, done)
//-----------------------------------------------------------------------------

std::string_view printLabel(const ResultView& v, const Strings& t) {
    return v.printMessage.empty() ? std::string_view(t.get("screens.result.print")) : std::string_view(v.printMessage);
}

std::optional<UiEvent> rating(const ResultView& v, const Strings& t, float width, bool inRow) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    if (v.rating) {
        wrappedText(f.bodyBold, t.get("screens.result.rate_thanks"), theme.palette.text, width);
    } else {
        wrappedText(f.bodyBold, t.get("screens.result.rate_question"), theme.palette.text, width);
    }
    static const char* const ids[] = {"rate-0", "rate-1", "rate-2"};
    static const char* const keys[] = {"screens.result.rate_0", "screens.result.rate_1", "screens.result.rate_2"};
    const float w = inRow ? (width - 2.0f * m.gap) / 3.0f : width;
    const float h = inRow ? m.touch * 1.25f : m.touch;  // room for two lines of a long label
    for (int i = 0; i < 3; ++i) {
        if (inRow && i > 0) {
            ImGui::SameLine(0.0f, m.gap);
        }
        const bool chosen = v.rating && *v.rating == i;
        // Once rated the choice shows as selected; the others stay but do nothing.
        if (touchButton(ids[i], t.get(keys[i]), ImVec2(w, h), chosen ? ButtonKind::Selected : ButtonKind::Secondary,
                        !v.rating || chosen) &&
            !v.rating) {
            event = act::Rate{i};
        }
    }
    return event;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] layout
//-----------------------------------------------------------------------------

std::optional<UiEvent> drawResult(const ResultView& v) {
    const Strings& t = *v.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;

    beginScreen("result");
    const Rect body = detail::drawHeader(v.chrome, t.get("screens.result.header"));
    const float scrollbar = ImGui::GetStyle().ScrollbarSize + m.gap;
    if (!detail::portrait()) {
        const float sideW = std::min(body.width() * 0.34f, 600.0f * m.scale);
        const float mainW = body.width() - sideW - m.gap * 1.5f;
        detail::moveTo(body.min);
        beginTouchScroll("result-scroll", ImVec2(mainW, body.height()));
        details(v, t, mainW - scrollbar, false);
        endTouchScroll();

        const float x = body.max.x - sideW;
        const float innerW = sideW - 2.0f * m.padding * 0.6f;
        const float doneH = m.touch * 1.2f;
        // A print message that wraps gets a taller button; one line keeps the QR its room.
        const bool printTwoLines = !v.printMessage.empty() &&
                                   wrappedTextHeight(f.body, v.printMessage, sideW * 0.85f) > f.body->FontSize * 1.6f;
        const float printButtonH = printTwoLines ? m.touch * 1.3f : m.touch;
        const float printH = v.printerAvailable ? printButtonH + m.gap : 0.0f;
        const float ratingH = wrappedTextHeight(f.bodyBold, t.get(v.rating ? "screens.result.rate_thanks" : "screens.result.rate_question"), sideW) +
                              m.touch * 1.25f + 2.0f * ImGui::GetStyle().ItemSpacing.y;
        const float bottom = body.max.y - doneH - m.gap - printH - ratingH - m.gap;
        // QR card gets whatever height is left above rating, print and done.
        detail::drawCard(ImVec2(x, body.min.y), ImVec2(body.max.x, bottom));
        detail::moveTo(ImVec2(x + m.padding * 0.6f, body.min.y + m.padding * 0.6f));
        wrappedText(f.bodyBold, t.get("screens.result.follow"), theme.palette.text, innerW);
        // The hint goes when the QR would be too small to scan with it (large text, a print message).
        const std::string& hint = t.get("screens.result.follow_hint");
        const float qrRoomWithHint = bottom - (ImGui::GetCursorScreenPos().y + wrappedTextHeight(f.small, hint, innerW)) -
                                     8.0f * m.scale - m.padding * 0.6f;
        if (qrRoomWithHint >= 220.0f * m.scale) {
            wrappedText(f.small, hint, theme.palette.textMuted, innerW);
        }
        const float qrTop = ImGui::GetCursorScreenPos().y + 8.0f * m.scale;
        const float side = std::min(innerW, bottom - qrTop - m.padding * 0.6f);
        if (side > 120.0f * m.scale && !v.followUrl.empty()) {
            detail::moveTo(ImVec2(x + (sideW - side) * 0.5f, qrTop));
            drawQr(v.followUrl, side);
        }
        detail::moveTo(ImVec2(x, bottom + m.gap));
        ImGui::BeginGroup();
        if (auto e = rating(v, t, sideW, true)) {
            event = e;
        }
        ImGui::EndGroup();
        if (v.printerAvailable) {
            detail::moveTo(ImVec2(x, body.max.y - doneH - m.gap - printButtonH));
            if (touchButton("print", printLabel(v, t), ImVec2(sideW, printButtonH), ButtonKind::Secondary, !v.printBusy)) {
                event = act::Print{};
            }
        }
        detail::moveTo(ImVec2(x, body.max.y - doneH));
        if (touchButton("done", t.get("screens.result.done"), ImVec2(sideW, doneH), ButtonKind::Primary, true, f.title)) {
            event = act::Done{};
        }
    } else {
        const float ratingH = wrappedTextHeight(f.bodyBold, t.get(v.rating ? "screens.result.rate_thanks" : "screens.result.rate_question"), body.width()) +
                              m.touch * 1.25f + ImGui::GetStyle().ItemSpacing.y * 2.0f;
        const float actionsH = m.touch * 1.2f;
        const float footerH = ratingH + actionsH + m.gap * 2.0f;
        detail::moveTo(body.min);
        beginTouchScroll("result-scroll", ImVec2(body.width(), body.height() - footerH));
        details(v, t, body.width() - scrollbar, true);
        endTouchScroll();
        detail::moveTo(ImVec2(body.min.x, body.max.y - footerH + m.gap));
        ImGui::BeginGroup();
        if (auto e = rating(v, t, body.width(), true)) {
            event = e;
        }
        ImGui::EndGroup();
        detail::moveTo(ImVec2(body.min.x, body.max.y - actionsH));
        const float w = v.printerAvailable ? (body.width() - m.gap) * 0.5f : body.width();
        if (v.printerAvailable) {
            if (touchButton("print", printLabel(v, t), ImVec2(w, actionsH), ButtonKind::Secondary, !v.printBusy)) {
                event = act::Print{};
            }
            ImGui::SameLine(0.0f, m.gap);
        }
        if (touchButton("done", t.get("screens.result.done"), ImVec2(w, actionsH), ButtonKind::Primary, true, f.title)) {
            event = act::Done{};
        }
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
