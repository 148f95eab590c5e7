// Result screen: the citizen's answer. The first view (no scrolling, any orientation and text size)
// answers the four questions: the status banner (where is my dossier, is it late, the key date), then
// what to do (next step, where, the agency's note, the reason) and the current step. Details and the
// history follow below, with a fade and a hint showing that the page scrolls.
// Index: [SECTION] first view, [SECTION] details and history, [SECTION] actions (QR, print, rating,
// listen, done), [SECTION] layout.
#include <algorithm>
#include <string>

#include "kiosk/core/flow/flow.hpp"
#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {
namespace {

using detail::Rect;

// The follow-up QR code never gets smaller than this at 1080p, in any variant: large text moves
// other things down instead (modules of at least 4 px are read by any phone from arm's length).
constexpr float kMinQrSide = 180.0f;
constexpr float kMinQrModule = 4.0f;

// Smallest side the follow-up QR may be drawn at on this screen.
float minQrSide(const std::string& url) {
    const float s = currentTheme().metrics.scale;
    return std::max(kMinQrSide * s, qrSideFor(url, std::max(2.0f, kMinQrModule * s)));
}

//-----------------------------------------------------------------------------
// [SECTION] first view
//-----------------------------------------------------------------------------

// Coloured band with the status icon, the plain headline, the due line and the key date.
void statusBanner(const core::DossierAnswer& a, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float radius = 44.0f * m.scale;
    const float pad = m.padding * 0.75f;
    const float textX = pad + radius * 2.0f + m.gap;
    const float textW = width - textX - pad;
    const std::string keyDate = a.keyDate.empty() ? std::string() : a.keyDateLabel + ": " + a.keyDate;
    const float line = 6.0f * m.scale;
    const float headH = wrappedTextHeight(f.title, a.headline, textW);
    const float dueH = a.dueLine.empty() ? 0.0f : wrappedTextHeight(f.bodyBold, a.dueLine, textW) + line;
    const float dateH = keyDate.empty() ? 0.0f : wrappedTextHeight(f.bodyBold, keyDate, textW) + line;
    const float h = std::max(radius * 2.0f, headH + dueH + dateH) + 2.0f * pad;
    const ImU32 fill = toU32(statusColour(a.tone));
    const ImU32 ink = toU32(statusTextColour(a.tone));
    list->AddRectFilled(at, ImVec2(at.x + width, at.y + h), fill, m.radius);
    if (theme.highContrast) {
        list->AddRect(at, ImVec2(at.x + width, at.y + h), toU32(theme.palette.border), m.radius, 0, 3.0f * m.scale);
    }
    drawStatusIcon(list, a.tone, ImVec2(at.x + pad + radius, at.y + h * 0.5f), radius, ink, fill);
    float y = at.y + (h - headH - dueH - dateH) * 0.5f;
    y += drawWrappedAt(list, f.title, ImVec2(at.x + textX, y), a.headline, ink, textW);
    if (!a.dueLine.empty()) {
        y += line;
        y += drawWrappedAt(list, f.bodyBold, ImVec2(at.x + textX, y), a.dueLine, ink, textW);
    }
    if (!keyDate.empty()) {
        y += line;
        const float dh = drawWrappedAt(list, f.bodyBold, ImVec2(at.x + textX, y), keyDate, ink, textW);
        markLayout("result.key-date", ImVec2(at.x + textX, y), ImVec2(at.x + width - pad, y + dh));
    }
    ImGui::Dummy(ImVec2(width, h));
    markLastItem("result.status-banner");
}

// A labelled fact inside the next-step box: "Nơi nhận: Quầy số 3 — ...".
float factHeight(std::string_view label, std::string_view value, float w) {
    return value.empty() ? 0.0f : wrappedTextHeight(fonts().body, std::string(label) + ": " + std::string(value), w);
}

float drawFact(ImDrawList* list, ImVec2 at, std::string_view label, std::string_view value, float w) {
    if (value.empty()) {
        return 0.0f;
    }
    const Theme& theme = currentTheme();
    return drawWrappedAt(list, fonts().body, at, std::string(label) + ": " + std::string(value), toU32(theme.palette.text), w);
}

// What to do now, with where to go, the agency's own instruction and the reason of a refusal.
void nextStepBox(const core::DossierAnswer& a, const Strings& t, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float pad = m.padding * 0.75f;
    const float innerX = pad + 10.0f * m.scale;
    const float innerW = width - innerX - pad;
    const std::string& label = t.get(a.actor == core::NextActor::Citizen ? "screens.result.next_step"
                                                                         : "screens.result.next_step_wait");
    // `where` is the pickup counter and place the backend gave: where the result is collected.
    const std::string& whereLabel = t.get("screens.result.pickup_place");
    // Said once: the late-agency advice already names the counter.
    const std::string_view where = a.nextStep.find(a.where) == std::string::npos ? std::string_view(a.where) : std::string_view();
    const float gap = 6.0f * m.scale;
    // What "the papers / amounts below" are, right under the advice: in the first view.
    std::string items;
    for (const std::string& doc : a.missingDocuments) {
        items += (items.empty() ? "•  " : "\n•  ") + doc;
    }
    if (!a.feesUnpaidTotal.empty()) {
        items += (items.empty() ? "" : "\n") + t.get("screens.result.fees_unpaid_total") + ": " + a.feesUnpaidTotal;
    }
    const float itemsH = items.empty() ? 0.0f : wrappedTextHeight(f.bodyBold, items, innerW) + gap;
    const float h = 2.0f * pad + wrappedTextHeight(f.bodyBold, label, innerW) + gap +
                    wrappedTextHeight(f.body, a.nextStep, innerW) + itemsH +
                    factHeight(t.get("screens.result.reason"), a.reason, innerW) +
                    factHeight(whereLabel, where, innerW) +
                    factHeight(t.get("screens.result.note"), a.instruction, innerW) +
                    (a.reason.empty() && where.empty() && a.instruction.empty() ? 0.0f : gap);
    list->AddRectFilled(at, ImVec2(at.x + width, at.y + h), toU32(theme.palette.surface), m.radius);
    list->AddRect(at, ImVec2(at.x + width, at.y + h), toU32(theme.palette.border), m.radius, 0,
                  (theme.highContrast ? 3.0f : 1.5f) * m.scale);
    list->AddRectFilled(at, ImVec2(at.x + 10.0f * m.scale, at.y + h), toU32(statusColour(a.tone)), m.radius,
                        ImDrawFlags_RoundCornersLeft);
    float y = at.y + pad;
    y += drawWrappedAt(list, f.bodyBold, ImVec2(at.x + innerX, y), label, toU32(theme.palette.text), innerW) + gap;
    y += drawWrappedAt(list, f.body, ImVec2(at.x + innerX, y), a.nextStep, toU32(theme.palette.text), innerW);
    if (!items.empty()) {
        y += gap + drawWrappedAt(list, f.bodyBold, ImVec2(at.x + innerX, y + gap), items, toU32(theme.palette.text), innerW);
    }
    if (!a.reason.empty() || !where.empty() || !a.instruction.empty()) {
        y += gap;
    }
    y += drawFact(list, ImVec2(at.x + innerX, y), t.get("screens.result.reason"), a.reason, innerW);
    y += drawFact(list, ImVec2(at.x + innerX, y), whereLabel, where, innerW);
    drawFact(list, ImVec2(at.x + innerX, y), t.get("screens.result.note"), a.instruction, innerW);
    ImGui::Dummy(ImVec2(width, h));
    markLastItem("result.next-step");
}

// Where the dossier is: the last history entry, in one line under the box.
void currentStep(const core::DossierAnswer& a, const Strings& t, float width) {
    if (!a.currentStep) {
        return;
    }
    const Theme& theme = currentTheme();
    const core::AnswerStep& s = *a.currentStep;
    std::string text = t.get("screens.result.current_step") + ": " + s.action;
    if (!s.unit.empty()) {
        text += " — " + s.unit;
    }
    text += " (" + s.time + ")";
    wrappedText(fonts().body, text, theme.palette.text, width);
    markLastItem("result.current-step");
}

//-----------------------------------------------------------------------------
// [SECTION] details and history
//-----------------------------------------------------------------------------

void timeline(const core::DossierAnswer& a, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float dot = 14.0f * m.scale;
    const float textX = dot * 2.0f + m.gap;
    const float textW = width - textX;
    for (std::size_t i = 0; i < a.history.size(); ++i) {
        const core::AnswerStep& item = a.history[i];
        const bool last = i + 1 == a.history.size();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        float h = wrappedTextHeight(f.small, item.time, textW) + wrappedTextHeight(f.bodyBold, item.action, textW) +
                  wrappedTextHeight(f.body, item.unit, textW);
        if (!item.note.empty()) {
            h += wrappedTextHeight(f.small, item.note, textW);
        }
        h += m.gap;
        const ImVec2 c(at.x + dot, at.y + f.small->FontSize * 0.6f);
        if (!last) {
            list->AddLine(ImVec2(c.x, c.y + dot), ImVec2(c.x, at.y + h + f.small->FontSize * 0.6f - dot),
                          toU32(theme.palette.border), 4.0f * m.scale);
            list->AddCircle(c, dot * 0.8f, toU32(theme.palette.textMuted), 24, 4.0f * m.scale);
        } else {  // the current step is filled, earlier ones are rings
            list->AddCircleFilled(c, dot, toU32(statusColour(a.tone)), 24);
        }
        float y = at.y;
        y += drawWrappedAt(list, f.small, ImVec2(at.x + textX, y), item.time, toU32(theme.palette.textMuted), textW);
        y += drawWrappedAt(list, f.bodyBold, ImVec2(at.x + textX, y), item.action, toU32(theme.palette.text), textW);
        y += drawWrappedAt(list, f.body, ImVec2(at.x + textX, y), item.unit, toU32(theme.palette.textMuted), textW);
        if (!item.note.empty()) {
            drawWrappedAt(list, f.small, ImVec2(at.x + textX, y), item.note, toU32(theme.palette.text), textW);
        }
        ImGui::Dummy(ImVec2(width, h));
    }
}

void fees(const core::DossierAnswer& a, const Strings& t, float width) {
    const Theme& theme = currentTheme();
    const FontSet& f = fonts();
    detail::heading(t.get("screens.result.fees"), width);
    if (a.feesInOtherLanguage) {
        wrappedText(f.small, t.get("screens.result.fees_language"), theme.palette.textMuted, width);
    }
    for (const core::AnswerFee& fee : a.fees) {
        const std::string& state = t.get(fee.paid ? "screens.result.paid" : "screens.result.unpaid");
        wrappedText(f.bodyBold, "•  " + fee.description + ": " + fee.amount + " (" + state + ")", theme.palette.text, width);
        if (!fee.howToPay.empty() && !fee.paid) {
            wrappedText(f.body, fee.howToPay, theme.palette.textMuted, width);
        }
    }
    if (!a.feesPaidTotal.empty()) {
        detail::field(t.get("screens.result.fees_paid_total"), a.feesPaidTotal, width);
    }
    if (!a.payUrl.empty()) {
        wrappedText(f.body, t.get("screens.result.pay_qr"), theme.palette.text, width);
        const float side = minQrSide(a.payUrl);
        const float module = drawQr(a.payUrl, side);
        markLastItem("result.pay-qr", module);
    }
}

// Everything below the first view.
// The first view, the same in both layouts: status, an apology when there is one, what to do, where
// the dossier is.
void firstView(const core::DossierAnswer& a, const Strings& t, float w) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    statusBanner(a, w);
    if (!a.apology.empty()) {
        vspace(4.0f * m.scale);
        wrappedText(f.bodyBold, a.apology, theme.palette.text, w);
    }
    vspace(m.gap * 0.5f);
    nextStepBox(a, t, w);
    vspace(m.gap * 0.5f);
    currentStep(a, t, w);
}

void details(const core::DossierAnswer& a, const Strings& t, float width, bool withQr) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    if (!a.explanation.empty()) {
        vspace(m.gap * 0.25f);
        wrappedText(f.body, a.explanation, theme.palette.textMuted, width);
    }
    if (!a.fees.empty()) {
        fees(a, t, width);
    }
    if (!a.pickupDate.empty() || !a.delivery.empty()) {
        detail::heading(t.get("screens.result.pickup"), width);
        if (!a.pickupDate.empty()) {
            detail::field(t.get("screens.result.pickup_date"), a.pickupDate, width);
        }
        if (!a.delivery.empty()) {
            detail::field(t.get("screens.result.delivery"), a.delivery, width);
        }
    }
    if (withQr && !a.followUrl.empty()) {
        detail::heading(t.get("screens.result.follow"), width);
        wrappedText(f.body, t.get("screens.result.follow_hint"), theme.palette.text, width);
        const float side = std::max(minQrSide(a.followUrl), std::min(width, 360.0f * m.scale));
        detail::moveTo(ImVec2(ImGui::GetCursorScreenPos().x + (width - side) * 0.5f, ImGui::GetCursorScreenPos().y));
        const float module = drawQr(a.followUrl, side);
        markLastItem("result.follow-qr", module);
    }

    detail::heading(t.get("screens.result.about"), width);
    const float half = (width - m.gap) * 0.5f;
    detail::field(t.get("screens.result.code"), a.code, width);
    detail::field(t.get("screens.result.procedure"), a.procedure, width);
    if (!a.agency.empty()) {
        detail::field(t.get("screens.result.agency"), a.agency, width);
    }
    detail::field(t.get("screens.result.official_status"), a.officialStatus, width);
    detail::field(t.get("screens.result.applicant"), a.applicant, width);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    detail::field(t.get("screens.result.received"), a.received, half);
    ImGui::EndGroup();
    const float leftBottom = ImGui::GetItemRectMax().y;
    detail::moveTo(ImVec2(row.x + half + m.gap, row.y));
    ImGui::BeginGroup();
    detail::field(t.get("screens.result.due"), a.dueDate, half);
    ImGui::EndGroup();
    detail::moveTo(ImVec2(row.x, std::max(leftBottom, ImGui::GetItemRectMax().y) + 6.0f * m.scale));
    if (!a.history.empty()) {
        detail::heading(t.get("screens.result.history"), width);
        timeline(a, width);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] actions (QR, print, rating, listen, done)
//-----------------------------------------------------------------------------

constexpr const char* kRateIds[] = {"rate-0", "rate-1", "rate-2"};
constexpr const char* kRateKeys[] = {"screens.result.rate_0", "screens.result.rate_1", "screens.result.rate_2"};

float ratingHeight(const ResultView& v, const Strings& t, float width) {
    const FontSet& f = fonts();
    return wrappedTextHeight(f.small, t.get(v.rating ? "screens.result.rate_thanks" : "screens.result.rate_question"), width) +
           currentTheme().metrics.touch + ImGui::GetStyle().ItemSpacing.y;
}

// Smaller than Print: a question in the small face and three equal buttons in a row.
std::optional<UiEvent> rating(const ResultView& v, const Strings& t, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    wrappedText(f.small, t.get(v.rating ? "screens.result.rate_thanks" : "screens.result.rate_question"),
                theme.palette.textMuted, width);
    const float w = (width - 2.0f * m.gap) / 3.0f;
    for (int i = 0; i < 3; ++i) {
        if (i > 0) {
            ImGui::SameLine(0.0f, m.gap);
        }
        const bool chosen = v.rating && *v.rating == i;
        // Once rated the choice shows as selected; the others stay but do nothing.
        if (touchButton(kRateIds[i], t.get(kRateKeys[i]), ImVec2(w, m.touch),
                        chosen ? ButtonKind::Selected : ButtonKind::Secondary, !v.rating || chosen, f.small) &&
            !v.rating) {
            event = act::Rate{i};
        }
    }
    return event;
}

// The print result: a status line (not a button label), a warning when it failed. Its room is kept
// from the start, as tall as the taller of "printing" and "printed" (or the message shown, when that
// is taller still: a failure at large text), so Print, the rating and Done stay where they are while
// the status changes under a finger that is on its way to them (the soak's missed taps).
float printStatusHeight(const ResultView& v, const Strings& t, float width) {
    if (!v.printerAvailable) return 0.0f;
    ImFont* font = fonts().bodyBold;
    const float usual = std::max(wrappedTextHeight(font, t.get(core::translationKey(core::PrintStatus::Printing)), width),
                                 wrappedTextHeight(font, t.get(core::translationKey(core::PrintStatus::Printed)), width));
    return v.printMessage.empty() ? usual : std::max(usual, wrappedTextHeight(font, v.printMessage, width));
}

void printStatus(const ResultView& v, float width) {
    if (v.printMessage.empty()) {
        return;
    }
    const Theme& theme = currentTheme();
    wrappedText(fonts().bodyBold, v.printMessage, v.printFailed ? theme.palette.danger : theme.palette.text, width);
    markLastItem("result.print-status");
}

bool listenButton(const ResultView& v, const Strings& t, ImVec2 size) {
    return touchButton("listen", t.get(v.speaking ? "screens.common.listen_stop" : "screens.common.listen"), size,
                       v.speaking ? ButtonKind::Selected : ButtonKind::Secondary, true, fonts().bodyBold);
}

//-----------------------------------------------------------------------------
// [SECTION] layout
//-----------------------------------------------------------------------------

std::optional<UiEvent> drawLandscape(const ResultView& v, const Strings& t, const Rect& body) {
    const core::DossierAnswer& a = v.answer;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    const float scrollbar = ImGui::GetStyle().ScrollbarSize + m.gap;
    const float sideW = std::min(body.width() * 0.34f, 600.0f * m.scale);
    const float mainW = body.width() - sideW - m.gap * 1.5f;
    const float x = body.max.x - sideW;

    // The side column: the QR card takes what is left above Listen, Print with its status line, the
    // rating and Done, but never less than its minimum: then the rating moves into the page.
    const float doneH = m.touch;
    const float printH = v.printerAvailable ? m.touch * 1.2f + printStatusHeight(v, t, sideW) + m.gap : 0.0f;
    const float listenH = v.speechAvailable ? m.touch + m.gap : 0.0f;
    const float rateH = v.askRating ? ratingHeight(v, t, sideW) + m.gap : 0.0f;
    const float qrTextH = a.followUrl.empty() ? 0.0f : wrappedTextHeight(f.bodyBold, t.get("screens.result.follow"), sideW);
    const float qrMin = a.followUrl.empty() ? 0.0f : minQrSide(a.followUrl) + qrTextH + 2.0f * m.padding * 0.6f + m.gap;
    const float fixedH = doneH + m.gap + printH + listenH;
    // Without room for the QR at its minimum (large text and a long print message on a small
    // screen), the QR card goes into the page too: smaller is never an option.
    const bool qrInSide = !a.followUrl.empty() && body.height() - fixedH >= qrMin;
    const bool ratingInSide = v.askRating && body.height() - fixedH - rateH >= (qrInSide ? qrMin : 0.0f);

    detail::moveTo(body.min);
    beginTouchScroll("result-scroll", ImVec2(mainW, body.height()), a.code);
    const float w = mainW - scrollbar;
    firstView(a, t, w);
    details(a, t, w, !qrInSide);
    if (v.askRating && !ratingInSide) {
        detail::heading(t.get("screens.result.rate_heading"), w);
        ImGui::BeginGroup();
        if (auto e = rating(v, t, w)) {
            event = e;
        }
        ImGui::EndGroup();
    }
    vspace(m.padding * 2.0f);  // room for the "more below" hint at the end
    endTouchScroll(t.get("screens.common.scroll_hint"));

    float bottom = body.max.y - fixedH - (ratingInSide ? rateH : 0.0f);
    if (qrInSide) {
        // The QR card: title, then the code as large as the room allows (at least its minimum).
        const float pad = m.padding * 0.6f;
        const float innerW = sideW - 2.0f * pad;
        detail::drawCard(ImVec2(x, body.min.y), ImVec2(body.max.x, bottom - m.gap));
        detail::moveTo(ImVec2(x + pad, body.min.y + pad));
        wrappedText(f.bodyBold, t.get("screens.result.follow"), theme.palette.text, innerW);
        const std::string& hint = t.get("screens.result.follow_hint");
        const float qrFloor = minQrSide(a.followUrl);
        const float roomWithHint = bottom - m.gap - pad - (ImGui::GetCursorScreenPos().y + wrappedTextHeight(f.small, hint, innerW));
        if (roomWithHint >= std::max(qrFloor, 260.0f * m.scale)) {
            wrappedText(f.small, hint, theme.palette.textMuted, innerW);
        }
        const float qrTop = ImGui::GetCursorScreenPos().y + 4.0f * m.scale;
        const float side = std::max(qrFloor, std::min(innerW, bottom - m.gap - pad - qrTop));
        detail::moveTo(ImVec2(x + (sideW - side) * 0.5f, qrTop));
        const float module = drawQr(a.followUrl, side);
        markLastItem("result.follow-qr", module);
    }
    // Below the QR: Listen, Print (the take-away) with its status line, then the smaller rating, Done.
    float y = bottom;
    if (v.speechAvailable) {
        detail::moveTo(ImVec2(x, y));
        if (listenButton(v, t, ImVec2(sideW, m.touch))) {
            event = act::Speak{};
        }
        y += listenH;
    }
    if (v.printerAvailable) {
        detail::moveTo(ImVec2(x, y));
        if (touchButton("print", t.get("screens.result.print"), ImVec2(sideW, m.touch * 1.2f), ButtonKind::Primary,
                        !v.printBusy, f.title)) {
            event = act::Print{};
        }
        printStatus(v, sideW);
        y += printH;
    }
    if (ratingInSide) {
        detail::moveTo(ImVec2(x, y));
        ImGui::BeginGroup();
        if (auto e = rating(v, t, sideW)) {
            event = e;
        }
        ImGui::EndGroup();
    }
    detail::moveTo(ImVec2(x, body.max.y - doneH));
    if (touchButton("done", t.get("screens.result.done"), ImVec2(sideW, doneH), ButtonKind::Secondary, true, f.bodyBold)) {
        event = act::Done{};
    }
    return event;
}

std::optional<UiEvent> drawPortrait(const ResultView& v, const Strings& t, const Rect& body) {
    const core::DossierAnswer& a = v.answer;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    const float scrollbar = ImGui::GetStyle().ScrollbarSize + m.gap;
    const float W = body.width();
    // The footer, top down: Listen, the print status line, Done | Print in one row (primary on the
    // right, as on every screen), and last the smaller rating.
    const float actionsH = m.touch * 1.2f;
    const float statusH = printStatusHeight(v, t, W);
    const float listenH = v.speechAvailable ? m.touch + m.gap : 0.0f;
    const float rateH = v.askRating ? ratingHeight(v, t, W) + m.gap : 0.0f;
    const float footerH = actionsH + (statusH > 0.0f ? statusH + m.gap * 0.5f : 0.0f) + listenH + rateH + m.gap;

    detail::moveTo(body.min);
    beginTouchScroll("result-scroll", ImVec2(W, body.height() - footerH), a.code);
    const float w = W - scrollbar;
    firstView(a, t, w);
    details(a, t, w, true);
    vspace(m.padding * 2.0f);
    endTouchScroll(t.get("screens.common.scroll_hint"));

    float y = body.max.y - footerH + m.gap;
    if (v.speechAvailable) {
        detail::moveTo(ImVec2(body.min.x, y));
        if (listenButton(v, t, ImVec2(W, m.touch))) {
            event = act::Speak{};
        }
        y += listenH;
    }
    if (statusH > 0.0f) {
        detail::moveTo(ImVec2(body.min.x, y));
        printStatus(v, W);
    }
    if (v.askRating) {  // after the actions, smaller: the last thing on the screen
        detail::moveTo(ImVec2(body.min.x, body.max.y - rateH + m.gap));
        ImGui::BeginGroup();
        if (auto e = rating(v, t, W)) {
            event = e;
        }
        ImGui::EndGroup();
    }
    detail::moveTo(ImVec2(body.min.x, body.max.y - rateH - actionsH));
    const float bw = v.printerAvailable ? (W - m.gap) * 0.5f : W;
    if (touchButton("done", t.get("screens.result.done"), ImVec2(bw, actionsH), ButtonKind::Secondary, true, f.bodyBold)) {
        event = act::Done{};
    }
    if (v.printerAvailable) {
        ImGui::SameLine(0.0f, m.gap);
        if (touchButton("print", t.get("screens.result.print"), ImVec2(bw, actionsH), ButtonKind::Primary, !v.printBusy,
                        f.title)) {
            event = act::Print{};
        }
    }
    return event;
}

}  // namespace

std::optional<UiEvent> drawResult(const ResultView& v) {
    const Strings& t = *v.chrome.text;
    beginScreen("result");
    const Rect body = detail::drawHeader(v.chrome, t.get("screens.result.header"));
    std::optional<UiEvent> event = detail::portrait() ? drawPortrait(v, t, body) : drawLandscape(v, t, body);
    endScreen();
    return event;
}

}  // namespace kiosk::ui
