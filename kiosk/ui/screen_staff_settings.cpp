// Staff settings: groups on the left, the group's settings (value, where it comes from, pending
// edits and check-config's message), and an editor per kind of value: on-screen keyboard for text,
// digit pad and stepper for numbers, a list for choices and switches. Save writes every pending edit
// at once. Index: [SECTION] rows, [SECTION] editor, [SECTION] page.
#include <algorithm>
#include <charconv>

#include "kiosk/ui/staff_widgets.hpp"

namespace kiosk::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] rows
//-----------------------------------------------------------------------------

float rowHeight(const SettingRow& row, float width) {
    const Metrics& m = currentTheme().metrics;
    const FontSet& f = fonts();
    float h = f.bodyBold->FontSize * 1.22f + wrappedTextHeight(f.body, row.value.empty() ? "—" : row.value, width) +
              f.small->FontSize * 1.22f + m.gap;
    if (!row.problem.empty()) h += wrappedTextHeight(f.small, row.problem, width);
    return std::max(h, m.touch);
}

std::optional<StaffUiEvent> drawRow(const SettingRow& row, float width, const std::string& resetLabel) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    const float resetW = row.canReset ? std::min(300.0f * m.scale, width * 0.3f) : 0.0f;
    const float mainW = width - (row.canReset ? resetW + m.gap * 0.5f : 0.0f);
    const float textW = mainW - m.padding;
    const float h = rowHeight(row, textW);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string id = "set-" + row.key;
    if (touchButton(id.c_str(), "", ImVec2(mainW, h), row.pending ? ButtonKind::Selected : ButtonKind::Secondary,
                    row.editable)) {
        event = staff_act::EditSetting{row.key, {}};
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 ink = toU32(row.pending ? theme.palette.primaryText : theme.palette.text);
    const ImU32 muted = toU32(row.pending ? theme.palette.primaryText : theme.palette.textMuted);
    float y = p.y + m.gap * 0.5f;
    const float x = p.x + m.padding * 0.5f;
    y += drawWrappedAt(list, f.bodyBold, ImVec2(x, y), row.label, ink, textW);
    y += drawWrappedAt(list, f.body, ImVec2(x, y), row.value.empty() ? "—" : row.value, ink, textW);
    y += drawWrappedAt(list, f.small, ImVec2(x, y), row.source, muted, textW);
    if (!row.problem.empty()) drawWrappedAt(list, f.small, ImVec2(x, y), row.problem, toU32(theme.palette.danger), textW);
    if (row.canReset) {
        detail::moveTo(ImVec2(p.x + mainW + m.gap * 0.5f, p.y));
        if (touchButton(("reset-" + row.key).c_str(), resetLabel, ImVec2(resetW, h), ButtonKind::Secondary, true, f.small)) {
            event = staff_act::ResetSetting{row.key};
        }
    }
    detail::moveTo(ImVec2(p.x, p.y + h + m.gap * 0.5f));
    return event;
}

//-----------------------------------------------------------------------------
// [SECTION] editor
//-----------------------------------------------------------------------------

long long parseNumber(const std::string& text, long long fallback) {
    long long value = fallback;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() ? value : fallback;
}

std::optional<StaffUiEvent> drawEditor(const SettingEditor& e, const staff_detail::Rect& r) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    const bool tall = detail::portrait();
    // Title, help, then Keep / Cancel on the right of the field.
    detail::moveTo(r.min);
    wrappedText(f.title, e.label, theme.palette.text, r.width());
    wrappedText(f.small, e.key + " — " + e.help, theme.palette.textMuted, r.width());
    vspace(m.gap * 0.5f);
    const float buttonsW = tall ? 0.0f : std::min(560.0f * m.scale, r.width() * 0.36f);
    const float fieldH = m.touch * 1.15f;
    const float top = ImGui::GetCursorScreenPos().y;
    const float fieldW = r.width() - (tall ? 0.0f : buttonsW + m.gap);
    const bool textual = e.kind == EditorKind::Text || e.kind == EditorKind::List || e.kind == EditorKind::Number;
    // The field's row is kept for every kind: Keep and Cancel stand beside it (landscape).
    if (textual) {
        staff_detail::textField(e.text, staff_detail::Rect{ImVec2(r.min.x, top), ImVec2(r.min.x + fieldW, top + fieldH)},
                                !e.problem.empty());
    }
    float y = top + fieldH + m.gap * 0.5f;
    detail::moveTo(ImVec2(r.min.x, y));
    if (!e.problem.empty()) {
        wrappedText(f.bodyBold, e.problem, theme.palette.danger, fieldW);
    } else {
        wrappedText(f.body, " ", theme.palette.text, fieldW);
    }
    y = ImGui::GetCursorScreenPos().y + m.gap * 0.5f;
    const float halfW = (buttonsW - m.gap) * 0.5f;
    if (tall) {
        const float w = (r.width() - m.gap) * 0.5f;
        detail::moveTo(ImVec2(r.min.x, r.max.y - m.touch));
        if (touchButton("edit-cancel", e.cancelLabel, ImVec2(w, m.touch))) event = staff_act::EditDone{false};
        ImGui::SameLine(0.0f, m.gap);
        if (touchButton("edit-keep", e.keepLabel, ImVec2(w, m.touch), ButtonKind::Primary, e.problem.empty(), f.bodyBold)) {
            event = staff_act::EditDone{true};
        }
    } else {
        detail::moveTo(ImVec2(r.max.x - buttonsW, top));
        if (touchButton("edit-cancel", e.cancelLabel, ImVec2(halfW, fieldH))) event = staff_act::EditDone{false};
        ImGui::SameLine(0.0f, m.gap);
        if (touchButton("edit-keep", e.keepLabel, ImVec2(halfW, fieldH), ButtonKind::Primary, e.problem.empty(), f.bodyBold)) {
            event = staff_act::EditDone{true};
        }
    }
    const float bottom = tall ? r.max.y - m.touch - m.gap : r.max.y;
    const staff_detail::Rect area{ImVec2(r.min.x, y), ImVec2(r.max.x, bottom)};
    switch (e.kind) {
        case EditorKind::Text:
        case EditorKind::List: {
            const float kh = std::min(area.height(), staff_detail::keyboardHeight(area.width()));
            const auto press = staff_detail::textKeyboard(
                e.text, e.shift, staff_detail::Rect{ImVec2(area.min.x, area.max.y - kh), area.max},
                {e.spaceLabel, e.deleteLabel, e.clearLabel, e.shiftLabel});
            if (press.shift) event = staff_act::ToggleShift{};
            if (press.text) event = staff_act::EditText{*press.text};
            break;
        }
        case EditorKind::Number: {
            // Stepper on the left (or top), digit pad beside it.
            const long long value = parseNumber(e.text, e.min);
            const float stepW = tall ? area.width() : std::min(area.width() * 0.4f, 560.0f * m.scale);
            const float bw = (stepW - m.gap) * 0.5f;
            detail::moveTo(area.min);
            const bool hasRange = e.min != 0 || e.max != 0;
            if (touchButton("step-minus", "- " + std::to_string(e.step), ImVec2(bw, m.touch * 1.2f), ButtonKind::Secondary,
                            !hasRange || value > e.min, f.title)) {
                event = staff_act::EditText{std::to_string(hasRange ? std::max(e.min, value - e.step) : value - e.step)};
            }
            ImGui::SameLine(0.0f, m.gap);
            if (touchButton("step-plus", "+ " + std::to_string(e.step), ImVec2(bw, m.touch * 1.2f), ButtonKind::Secondary,
                            !hasRange || value < e.max, f.title)) {
                event = staff_act::EditText{std::to_string(hasRange ? std::min(e.max, value + e.step) : value + e.step)};
            }
            const staff_detail::Rect pad =
                tall ? staff_detail::Rect{ImVec2(area.min.x, area.min.y + m.touch * 1.2f + m.gap), area.max}
                     : staff_detail::Rect{ImVec2(area.min.x + stepW + m.gap * 2.0f, area.min.y), area.max};
            const auto press = staff_detail::digitPad("num", pad, {e.keepLabel, e.clearLabel, e.deleteLabel},
                                                      e.text.size() < 12, !e.text.empty(), e.problem.empty());
            using K = staff_detail::PadPress::Kind;
            if (press.kind == K::Digit) event = staff_act::EditText{(e.text == "0" ? std::string() : e.text) + press.digit};
            if (press.kind == K::Erase) event = staff_act::EditText{e.text.substr(0, e.text.size() - 1)};
            if (press.kind == K::EraseAll) event = staff_act::EditText{std::string()};
            if (press.kind == K::Ok) event = staff_act::EditDone{true};
            break;
        }
        case EditorKind::Toggle:
        case EditorKind::Choice: {
            const int cols = tall ? 1 : 2;
            const float w = (area.width() - m.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
            for (std::size_t i = 0; i < e.choices.size(); ++i) {
                const auto& [value, label] = e.choices[i];
                const int row = static_cast<int>(i) / cols;
                detail::moveTo(ImVec2(area.min.x + static_cast<float>(static_cast<int>(i) % cols) * (w + m.gap),
                                      area.min.y + static_cast<float>(row) * (m.touch * 1.2f + m.gap)));
                if (touchButton(("choice-" + value).c_str(), label, ImVec2(w, m.touch * 1.2f),
                                value == e.text ? ButtonKind::Selected : ButtonKind::Secondary, true, f.bodyBold)) {
                    event = staff_act::EditText{value};
                }
            }
            break;
        }
    }
    return event;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] page
//-----------------------------------------------------------------------------

std::optional<StaffUiEvent> drawStaffSettings(const SettingsView& v) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    beginScreen("staff-settings");
    const staff_detail::Rect body = staff_detail::drawFrame(v.frame, event);
    if (!v.question.empty()) {
        if (auto e = staff_detail::confirmDialog(v.question, v.yesLabel, v.noLabel, body)) event = e;
        endScreen();
        return event;
    }
    if (v.editor) {
        if (auto e = drawEditor(*v.editor, body)) event = e;
        endScreen();
        return event;
    }
    if (!v.loadingText.empty()) {
        detail::moveTo(body.min);
        wrappedText(f.body, v.loadingText, theme.palette.textMuted, body.width());
        endScreen();
        return event;
    }
    const bool tall = detail::portrait();
    // Groups: a column on the left (two rows of buttons on top in portrait). Beside (below) them: the
    // group's settings, the status line, and the buttons [restart] [discard] [save] at the foot.
    const float colW = tall ? 0.0f : std::min(360.0f * m.scale, body.width() * 0.28f);
    const float leftX = tall ? body.min.x : body.min.x + colW + m.gap;
    float top = body.min.y;
    if (tall) {
        const int perRow = 4;
        const float w = (body.width() - m.gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow);
        for (std::size_t i = 0; i < v.groups.size(); ++i) {
            const auto& [id, label] = v.groups[i];
            const std::size_t row = i / perRow;
            detail::moveTo(ImVec2(body.min.x + static_cast<float>(i % perRow) * (w + m.gap),
                                  body.min.y + static_cast<float>(row) * (m.touch + m.gap * 0.5f)));
            if (touchButton(("group-" + id).c_str(), label, ImVec2(w, m.touch),
                            id == v.group ? ButtonKind::Selected : ButtonKind::Secondary, true, f.small)) {
                event = staff_act::Group{id};
            }
        }
        const std::size_t rows = (v.groups.size() + perRow - 1) / perRow;
        top += static_cast<float>(rows) * (m.touch + m.gap * 0.5f) + m.gap * 0.5f;
    } else {
        // One column of groups while they fit the height; two narrower ones (smaller text) when more
        // groups than rows, so none is cut off at the bottom of the screen.
        const float rowStep = m.touch + m.gap * 0.5f;
        const auto fitRows = static_cast<std::size_t>(std::max(1.0f, (body.height() + m.gap * 0.5f) / rowStep));
        const std::size_t cols = v.groups.size() > fitRows ? 2 : 1;
        const float w = cols == 1 ? colW : (colW - m.gap * 0.5f) / 2.0f;
        for (std::size_t i = 0; i < v.groups.size(); ++i) {
            const auto& [id, label] = v.groups[i];
            const std::size_t row = i / cols;
            const std::size_t col = i % cols;
            detail::moveTo(ImVec2(body.min.x + static_cast<float>(col) * (w + m.gap * 0.5f),
                                  body.min.y + static_cast<float>(row) * rowStep));
            if (touchButton(("group-" + id).c_str(), label, ImVec2(w, m.touch),
                            id == v.group ? ButtonKind::Selected : ButtonKind::Secondary, true, cols == 1 ? f.body : f.small)) {
                event = staff_act::Group{id};
            }
        }
    }
    const float areaW = body.max.x - leftX;
    const bool restart = !v.restartLabel.empty();  // a saved key needs a restart: offered where staff learn it
    const int buttons = restart ? 3 : 2;
    const float buttonW = std::min(420.0f * m.scale, (areaW - m.gap * static_cast<float>(buttons - 1)) / static_cast<float>(buttons));
    float x = body.max.x - static_cast<float>(buttons) * buttonW - static_cast<float>(buttons - 1) * m.gap;
    const float buttonsY = body.max.y - m.touch;
    if (restart) {
        detail::moveTo(ImVec2(x, buttonsY));
        if (touchButton("settings-restart", v.restartLabel, ImVec2(buttonW, m.touch), ButtonKind::Secondary, true, f.bodyBold)) {
            event = staff_act::AskPower{staff_act::Power::Restart};
        }
        x += buttonW + m.gap;
    }
    detail::moveTo(ImVec2(x, buttonsY));
    if (touchButton("settings-discard", v.discardLabel, ImVec2(buttonW, m.touch), ButtonKind::Secondary, v.canSave)) {
        event = staff_act::Discard{};
    }
    detail::moveTo(ImVec2(x + buttonW + m.gap, buttonsY));
    if (touchButton("settings-save", v.saveLabel, ImVec2(buttonW, m.touch), ButtonKind::Primary, v.canSave, f.bodyBold)) {
        event = staff_act::Save{};
    }
    const float statusH = std::max(wrappedTextHeight(f.bodyBold, v.status, areaW), f.bodyBold->FontSize * 1.22f);
    const float statusY = buttonsY - m.gap * 0.5f - statusH;
    detail::moveTo(ImVec2(leftX, statusY));
    staff_detail::statusLine(v.status, v.statusHealth, areaW);
    const staff_detail::Rect rowsArea{ImVec2(leftX, top), ImVec2(body.max.x, statusY - m.gap * 0.5f)};
    detail::moveTo(rowsArea.min);
    beginTouchScroll("settings-rows", ImVec2(rowsArea.width(), rowsArea.height()));
    const float w = rowsArea.width() - 24.0f * m.scale;
    for (const SettingRow& row : v.rows) {
        if (auto e = drawRow(row, w, v.resetLabel)) event = e;
    }
    endTouchScroll();
    endScreen();
    return event;
}

}  // namespace kiosk::ui
