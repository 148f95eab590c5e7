// Staff screens' shared pieces. Index: [SECTION] frame, [SECTION] digit pad, [SECTION] lines,
// [SECTION] keyboard.
#include "kiosk/ui/staff_widgets.hpp"

#include <algorithm>
#include <array>

#include "kiosk/core/text/vietnamese_input.hpp"

namespace kiosk::ui::staff_detail {

//-----------------------------------------------------------------------------
// [SECTION] frame
//-----------------------------------------------------------------------------

namespace {

const char* tabId(StaffTab tab) {
    switch (tab) {
        case StaffTab::Device: return "tab-device";
        case StaffTab::Settings: return "tab-settings";
        case StaffTab::Audit: return "tab-audit";
        case StaffTab::Power: return "tab-power";
        case StaffTab::Pin: return "tab-pin";
        case StaffTab::Provision: return "tab-provision";
    }
    return "tab";
}

}  // namespace

Rect drawFrame(const StaffFrame& frame, std::optional<StaffUiEvent>& event) {
    const Metrics& m = currentTheme().metrics;
    const FontSet& f = fonts();
    const Rect body = detail::drawHeader(frame.chrome, frame.title);
    const int count = static_cast<int>(frame.tabs.size()) + 1;  // the tabs and Exit
    if (detail::portrait()) {
        // Two rows of tabs across the top.
        const int perRow = (count + 1) / 2;
        const float w = (body.width() - m.gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow);
        for (int i = 0; i < count; ++i) {
            const int row = i / perRow;
            detail::moveTo(ImVec2(body.min.x + static_cast<float>(i % perRow) * (w + m.gap),
                                  body.min.y + static_cast<float>(row) * (m.touch + m.gap * 0.5f)));
            if (i + 1 == count) {
                if (touchButton("staff-exit", frame.exitLabel, ImVec2(w, m.touch), ButtonKind::Danger, true, f.bodyBold)) {
                    event = staff_act::Exit{};
                }
                continue;
            }
            const auto& [tab, label] = frame.tabs[static_cast<std::size_t>(i)];
            if (touchButton(tabId(tab), label, ImVec2(w, m.touch),
                            tab == frame.tab ? ButtonKind::Selected : ButtonKind::Secondary, true, f.bodyBold)) {
                event = staff_act::Tab{tab};
            }
        }
        const float top = body.min.y + 2.0f * m.touch + m.gap * 1.5f;
        return Rect{ImVec2(body.min.x, top), body.max};
    }
    // A column of tabs on the left, Exit at its foot.
    const float colW = std::max(m.touch * 2.6f, 300.0f * m.scale);
    const float h = m.touch;
    for (std::size_t i = 0; i < frame.tabs.size(); ++i) {
        const auto& [tab, label] = frame.tabs[i];
        detail::moveTo(ImVec2(body.min.x, body.min.y + static_cast<float>(i) * (h + m.gap * 0.5f)));
        if (touchButton(tabId(tab), label, ImVec2(colW, h), tab == frame.tab ? ButtonKind::Selected : ButtonKind::Secondary,
                        true, f.bodyBold)) {
            event = staff_act::Tab{tab};
        }
    }
    detail::moveTo(ImVec2(body.min.x, body.max.y - h));
    if (touchButton("staff-exit", frame.exitLabel, ImVec2(colW, h), ButtonKind::Danger, true, f.bodyBold)) {
        event = staff_act::Exit{};
    }
    return Rect{ImVec2(body.min.x + colW + m.gap * 1.5f, body.min.y), body.max};
}

//-----------------------------------------------------------------------------
// [SECTION] digit pad
//-----------------------------------------------------------------------------

float digitPadMinHeight() {
    const Metrics& m = currentTheme().metrics;
    return 5.0f * m.touch + 4.0f * m.gap;
}

PadPress digitPad(const std::string& prefix, const Rect& r, const PadLabels& labels, bool keysEnabled, bool eraseEnabled,
                  bool okEnabled) {
    const Metrics& m = currentTheme().metrics;
    const FontSet& f = fonts();
    PadPress press;
    const float keyW = std::min((r.width() - 2.0f * m.gap) / 3.0f, 260.0f * m.scale);
    // Rows come closer before keys get smaller than a finger: never below the touch size.
    const float gapY = std::clamp((r.height() - 5.0f * m.touch) / 4.0f, m.gap * 0.25f, m.gap);
    const float keyH = std::clamp((r.height() - 4.0f * gapY) / 5.0f, m.touch, m.touch * 1.4f);
    const float gridW = 3.0f * keyW + 2.0f * m.gap;
    const float left = r.min.x + (r.width() - gridW) * 0.5f;
    auto place = [&](int col, int row) {
        detail::moveTo(ImVec2(left + static_cast<float>(col) * (keyW + m.gap), r.min.y + static_cast<float>(row) * (keyH + gapY)));
    };
    for (int i = 0; i < 9; ++i) {
        place(i % 3, i / 3);
        const char digit = static_cast<char>('1' + i);
        const char label[2] = {digit, 0};
        if (touchButton((prefix + "-" + digit).c_str(), label, ImVec2(keyW, keyH), ButtonKind::Secondary, keysEnabled, f.title)) {
            press = {PadPress::Kind::Digit, digit};
        }
    }
    place(0, 3);
    if (touchButton((prefix + "-clear").c_str(), labels.clear, ImVec2(keyW, keyH), ButtonKind::Secondary, eraseEnabled, f.bodyBold)) {
        press = {PadPress::Kind::EraseAll, 0};
    }
    place(1, 3);
    if (touchButton((prefix + "-0").c_str(), "0", ImVec2(keyW, keyH), ButtonKind::Secondary, keysEnabled, f.title)) {
        press = {PadPress::Kind::Digit, '0'};
    }
    place(2, 3);
    if (touchButton((prefix + "-delete").c_str(), labels.erase, ImVec2(keyW, keyH), ButtonKind::Secondary, eraseEnabled, f.bodyBold)) {
        press = {PadPress::Kind::Erase, 0};
    }
    place(0, 4);
    if (touchButton((prefix + "-ok").c_str(), labels.ok, ImVec2(gridW, keyH), ButtonKind::Primary, okEnabled, f.title)) {
        press = {PadPress::Kind::Ok, 0};
    }
    return press;
}

void pinDots(int count, ImVec2 centre) {
    const Theme& theme = currentTheme();
    const float r = 14.0f * theme.metrics.scale;
    const float step = 44.0f * theme.metrics.scale;
    const int shown = std::max(count, 4);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float x0 = centre.x - step * static_cast<float>(shown - 1) * 0.5f;
    for (int i = 0; i < shown; ++i) {
        const ImVec2 c(x0 + step * static_cast<float>(i), centre.y);
        if (i < count) {
            list->AddCircleFilled(c, r, toU32(theme.palette.text));
        } else {
            list->AddCircle(c, r, toU32(theme.palette.textMuted), 0, 3.0f * theme.metrics.scale);
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] lines
//-----------------------------------------------------------------------------

ImVec4 healthColour(Health health) {
    switch (health) {
        case Health::Good: return statusColour(StatusTone::Ready);
        case Health::Warning: return statusColour(StatusTone::ActionNeeded);
        case Health::Bad: return currentTheme().palette.danger;
        case Health::Neutral: return currentTheme().palette.textMuted;
    }
    return currentTheme().palette.textMuted;
}

void drawLines(const std::vector<StaffLine>& lines, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    const float labelW = std::min(width * 0.42f, 420.0f * m.scale);
    const float dot = 20.0f * m.scale;
    const float valueX = labelW + dot + 12.0f * m.scale;
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const StaffLine& line : lines) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float hl = drawWrappedAt(list, f.small, ImVec2(p.x, p.y + 4.0f * m.scale), line.label,
                                       toU32(theme.palette.textMuted), labelW - 8.0f * m.scale);
        if (line.health != Health::Neutral) {
            list->AddCircleFilled(ImVec2(p.x + labelW + dot * 0.5f, p.y + f.body->FontSize * 0.62f), dot * 0.5f,
                                  toU32(healthColour(line.health)));
        }
        const float hv = drawWrappedAt(list, f.body, ImVec2(p.x + valueX, p.y), line.value, toU32(theme.palette.text),
                                       width - valueX);
        detail::moveTo(ImVec2(p.x, p.y + std::max(hl, hv) + 8.0f * m.scale));
    }
}

void statusLine(const std::string& text, Health health, float width) {
    if (text.empty()) return;
    const ImVec4 colour = health == Health::Neutral ? currentTheme().palette.text : healthColour(health);
    wrappedText(fonts().bodyBold, text, health == Health::Good ? currentTheme().palette.text : colour, width);
}

void textField(const std::string& text, const Rect& r, bool problem) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(r.min, r.max, toU32(theme.palette.surface), m.radius);
    list->AddRect(r.min, r.max, toU32(problem ? theme.palette.danger : theme.palette.border), m.radius, 0,
                  (problem ? 4.0f : 2.0f) * m.scale);
    // Long values show their end (where typing happens).
    const float inner = r.width() - 2.0f * m.padding * 0.6f;
    std::string shown = text;
    auto width = [&](const std::string& s) { return f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0.0f, s.c_str()).x; };
    while (!shown.empty() && width(shown) > inner - 20.0f * m.scale) {
        shown.erase(0, 1);  // the first character, whole: its lead byte, then any continuation bytes
        while (!shown.empty() && (static_cast<unsigned char>(shown.front()) & 0xC0) == 0x80) shown.erase(0, 1);
    }
    const float y = r.min.y + (r.height() - f.title->FontSize) * 0.5f;
    const float x = r.min.x + m.padding * 0.6f;
    list->AddText(f.title, f.title->FontSize, ImVec2(x, y), toU32(theme.palette.text), shown.c_str());
    const float caret = x + width(shown) + 4.0f * m.scale;
    list->AddRectFilled(ImVec2(caret, y + 4.0f * m.scale), ImVec2(caret + 4.0f * m.scale, y + f.title->FontSize),
                        toU32(theme.palette.primary));
}

// The confirmation: the question and two large buttons in a card over the page.
std::optional<StaffUiEvent> confirmDialog(const std::string& question, const std::string& yes, const std::string& no,
                                          const Rect& r) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    const float w = std::min(r.width(), 1000.0f * m.scale);
    const float x = r.min.x + (r.width() - w) * 0.5f;
    const float textH = wrappedTextHeight(f.title, question, w - 2.0f * m.padding);
    const float h = textH + m.touch * 1.3f + 3.0f * m.padding;
    const float y = r.min.y + (r.height() - h) * 0.5f;
    detail::drawCard(ImVec2(x, y), ImVec2(x + w, y + h));
    detail::moveTo(ImVec2(x + m.padding, y + m.padding));
    centredText(f.title, question, theme.palette.text, w - 2.0f * m.padding);
    const float bw = (w - 3.0f * m.padding) * 0.5f;
    detail::moveTo(ImVec2(x + m.padding, y + h - m.padding - m.touch * 1.3f));
    if (touchButton("confirm-no", no, ImVec2(bw, m.touch * 1.3f), ButtonKind::Secondary, true, f.bodyBold)) {
        event = staff_act::Answer{false};
    }
    ImGui::SameLine(0.0f, m.padding);
    if (touchButton("confirm-yes", yes, ImVec2(bw, m.touch * 1.3f), ButtonKind::Danger, true, f.bodyBold)) {
        event = staff_act::Answer{true};
    }
    return event;
}

//-----------------------------------------------------------------------------
// [SECTION] keyboard
//-----------------------------------------------------------------------------

namespace {

struct Key {
    const char* id;
    const char* lower;  // NFC text typed (one character), or a tone mark's sample
    const char* upper;
    int tone = -1;      // 0..4 for the tone keys (core::text::ToneMark)
};

// Alphabetical like the citizen keyboards (no typing skill needed), then the Vietnamese letters and
// tone keys, digits and the punctuation URLs, paths and names need.
constexpr std::array<Key, 56> kKeys = {{
    {"tkey-a", "a", "A"}, {"tkey-b", "b", "B"}, {"tkey-c", "c", "C"}, {"tkey-d", "d", "D"}, {"tkey-e", "e", "E"},
    {"tkey-f", "f", "F"}, {"tkey-g", "g", "G"}, {"tkey-h", "h", "H"}, {"tkey-i", "i", "I"}, {"tkey-j", "j", "J"},
    {"tkey-k", "k", "K"}, {"tkey-l", "l", "L"}, {"tkey-m", "m", "M"}, {"tkey-n", "n", "N"}, {"tkey-o", "o", "O"},
    {"tkey-p", "p", "P"}, {"tkey-q", "q", "Q"}, {"tkey-r", "r", "R"}, {"tkey-s", "s", "S"}, {"tkey-t", "t", "T"},
    {"tkey-u", "u", "U"}, {"tkey-v", "v", "V"}, {"tkey-w", "w", "W"}, {"tkey-x", "x", "X"}, {"tkey-y", "y", "Y"},
    {"tkey-z", "z", "Z"},
    {"tkey-aw", "ă", "Ă"}, {"tkey-aa", "â", "Â"}, {"tkey-dd", "đ", "Đ"}, {"tkey-ee", "ê", "Ê"}, {"tkey-oo", "ô", "Ô"},
    {"tkey-ow", "ơ", "Ơ"}, {"tkey-uw", "ư", "Ư"},
    {"tkey-tone1", "á", "á", 0}, {"tkey-tone2", "à", "à", 1}, {"tkey-tone3", "ả", "ả", 2}, {"tkey-tone4", "ã", "ã", 3},
    {"tkey-tone5", "ạ", "ạ", 4},
    {"tkey-1", "1", "1"}, {"tkey-2", "2", "2"}, {"tkey-3", "3", "3"}, {"tkey-4", "4", "4"}, {"tkey-5", "5", "5"},
    {"tkey-6", "6", "6"}, {"tkey-7", "7", "7"}, {"tkey-8", "8", "8"}, {"tkey-9", "9", "9"}, {"tkey-0", "0", "0"},
    {"tkey-dot", ".", "."}, {"tkey-comma", ",", ","}, {"tkey-colon", ":", ":"}, {"tkey-slash", "/", "/"},
    {"tkey-dash", "-", "-"}, {"tkey-underscore", "_", "_"}, {"tkey-at", "@", "@"}, {"tkey-hash", "#", "#"},
}};

constexpr std::size_t kMaxTextBytes = 500;

int columnsFor(float width) {
    const Metrics& m = currentTheme().metrics;
    return std::clamp(static_cast<int>((width + m.gap * 0.5f) / (m.touch + m.gap * 0.5f)), 7, 16);
}

int rowsFor(int cols) { return (static_cast<int>(kKeys.size()) + cols - 1) / cols + 1; }

}  // namespace

float keyboardHeight(float width) {
    const Metrics& m = currentTheme().metrics;
    const int rows = rowsFor(columnsFor(width));
    return static_cast<float>(rows) * m.touch + static_cast<float>(rows - 1) * m.gap * 0.5f;
}

KeyboardPress textKeyboard(const std::string& text, bool shift, const Rect& r, const KeyboardLabels& labels) {
    const Metrics& m = currentTheme().metrics;
    const FontSet& f = fonts();
    KeyboardPress press;
    const float gap = m.gap * 0.5f;  // keys sit closer than buttons; each is still a full touch target
    const int cols = columnsFor(r.width());
    const int rows = rowsFor(cols);
    const float keyW = (r.width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float keyH = std::clamp((r.height() - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), m.touch,
                                  m.touch * 1.3f);
    const bool room = text.size() < kMaxTextBytes;
    auto cell = [&](int col, int row) {
        detail::moveTo(ImVec2(r.min.x + static_cast<float>(col) * (keyW + gap), r.min.y + static_cast<float>(row) * (keyH + gap)));
    };
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        const Key& k = kKeys[i];
        cell(static_cast<int>(i) % cols, static_cast<int>(i) / cols);
        const char* label = shift ? k.upper : k.lower;
        if (!touchButton(k.id, label, ImVec2(keyW, keyH), k.tone >= 0 ? ButtonKind::Selected : ButtonKind::Secondary,
                         k.tone >= 0 ? !text.empty() : room, f.title)) {
            continue;
        }
        if (k.tone >= 0) {
            press.text = core::text::withToneOnLast(text, static_cast<core::text::ToneMark>(k.tone));
        } else {
            press.text = text + label;
        }
    }
    // Bottom row: shift | space | delete | clear.
    const int last = rows - 1;
    const float wide = keyW * 2.0f + gap;
    cell(0, last);
    if (touchButton("tkey-shift", labels.shift, ImVec2(wide, keyH), shift ? ButtonKind::Selected : ButtonKind::Secondary, true,
                    f.bodyBold)) {
        press.shift = true;
    }
    cell(2, last);
    const float spaceW = keyW * static_cast<float>(cols - 6) + gap * static_cast<float>(cols - 7);
    if (touchButton("tkey-space", labels.space, ImVec2(spaceW, keyH), ButtonKind::Secondary, room, f.bodyBold)) {
        press.text = text + " ";
    }
    cell(cols - 4, last);
    if (touchButton("tkey-delete", labels.erase, ImVec2(wide, keyH), ButtonKind::Secondary, !text.empty(), f.bodyBold)) {
        press.text = core::text::dropLastCharacter(text);
    }
    cell(cols - 2, last);
    if (touchButton("tkey-clear", labels.clear, ImVec2(wide, keyH), ButtonKind::Secondary, !text.empty(), f.bodyBold)) {
        press.text = std::string();
    }
    return press;
}

}  // namespace kiosk::ui::staff_detail
