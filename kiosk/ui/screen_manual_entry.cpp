#include <algorithm>
#include <string>

#include "kiosk/ui/code_entry.hpp"
#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {
namespace {

using detail::Rect;

// The typed code in large type, with the rest of the expected shape in muted colour after it.
void drawCodeDisplay(const Rect& r, const std::string& typed, const std::string& rest) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(r.min, r.max, toU32(theme.palette.surface), m.radius);
    list->AddRect(r.min, r.max, toU32(theme.palette.primary), m.radius, 0, 4.0f * m.scale);
    const std::string whole = typed + rest;
    ImFont* font = fonts().huge;
    const float avail = r.width() - 2.0f * m.padding;
    float size = font->FontSize;
    float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, whole.c_str()).x;
    if (w > avail) {  // shrink rather than clip: the whole shape must stay visible
        size *= avail / w;
        w = avail;
    }
    const ImVec2 pos(r.min.x + (r.width() - w) * 0.5f, r.min.y + (r.height() - size) * 0.5f);
    list->AddText(font, size, pos, toU32(theme.palette.text), typed.c_str());
    const float typedW = font->CalcTextSizeA(size, FLT_MAX, 0.0f, typed.c_str()).x;
    list->AddText(font, size, ImVec2(pos.x + typedW, pos.y), toU32(theme.palette.textMuted), rest.c_str());
    // Caret after the typed part.
    list->AddRectFilled(ImVec2(pos.x + typedW, pos.y + size * 0.08f), ImVec2(pos.x + typedW + 4.0f * m.scale, pos.y + size),
                        toU32(theme.palette.primary));
}

}  // namespace

std::optional<UiEvent> drawManualEntry(const ManualEntryView& view) {
    namespace ce = code_entry;
    const Strings& t = *view.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;

    beginScreen("manual-entry");
    const Rect body = detail::drawHeader(view.chrome, t.get("screens.entry.title"));
    const bool tall = detail::portrait();

    // Display of the code, then one line of live validation.
    const float displayH = f.huge->FontSize * 1.9f;
    drawCodeDisplay(Rect{body.min, ImVec2(body.max.x, body.min.y + displayH)}, ce::format(view.symbols),
                    ce::remainingShape(view.symbols));
    detail::moveTo(ImVec2(body.min.x, body.min.y + displayH + m.gap * 0.6f));
    const ce::Problem problem = ce::check(view.symbols);
    const ce::SymbolKind next = ce::expectedNext(view.symbols);
    const bool complete = ce::isComplete(view.symbols);
    std::string status;
    ImVec4 statusColour = theme.palette.textMuted;
    ImFont* statusFont = f.body;
    if (problem == ce::Problem::BadMonth) {
        status = t.get("screens.entry.bad_month");
        statusColour = theme.palette.danger;
        statusFont = f.bodyBold;
    } else if (problem == ce::Problem::BadDay) {
        status = t.get("screens.entry.bad_day");
        statusColour = theme.palette.danger;
        statusFont = f.bodyBold;
    } else if (complete) {
        status = t.get("screens.entry.complete");
        statusColour = theme.palette.text;
        statusFont = f.bodyBold;
    } else if (next == ce::SymbolKind::Letter) {
        status = t.get("screens.entry.letter_prompt");
        statusColour = theme.palette.text;
        statusFont = f.bodyBold;
    } else if (view.symbols.empty()) {
        status = t.get("screens.entry.hint");
    } else {
        status = t.format("screens.entry.remaining",
                          {{"count", std::to_string(ce::kMinSymbols - std::min(view.symbols.size(), ce::kMinSymbols))}});
    }
    wrappedText(statusFont, status, statusColour, body.width());
    const float keysTop = ImGui::GetCursorScreenPos().y + m.gap * 0.5f;

    // Keypad on the left (landscape) or full width (portrait); actions beside or below it.
    const float actionsW = tall ? body.width() : std::min(body.width() * 0.34f, 620.0f * m.scale);
    const float actionsH = tall ? m.touch * 1.3f : 0.0f;
    const Rect keys{ImVec2(body.min.x, keysTop),
                    ImVec2(tall ? body.max.x : body.max.x - actionsW - m.gap * 2.0f, body.max.y - (tall ? actionsH + m.gap : 0.0f))};
    const bool letters = next == ce::SymbolKind::Letter;
    // 26 letters + clear + delete: 8 columns fit a landscape screen in 4 rows, portrait takes 7.
    const int cols = letters ? (tall ? 7 : 8) : 3;
    const int rows = letters ? (28 + cols - 1) / cols : 4;
    const float keyW = std::min((keys.width() - m.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
                                tall ? 10000.0f : 240.0f * m.scale * (letters ? 0.8f : 1.25f));
    const float keyH = std::max(m.touch, (keys.height() - m.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    const float gridW = keyW * static_cast<float>(cols) + m.gap * static_cast<float>(cols - 1);
    const float left = keys.min.x + (keys.width() - gridW) * 0.5f;
    auto place = [&](int index) {
        const int row = index / cols;
        const int col = index % cols;
        detail::moveTo(ImVec2(left + static_cast<float>(col) * (keyW + m.gap), keys.min.y + static_cast<float>(row) * (keyH + m.gap)));
    };
    int index = 0;
    const auto key = [&](char c) {
        place(index++);
        const char label[2] = {c, 0};
        const std::string id = std::string("key-") + c;
        const bool enabled = next != ce::SymbolKind::None;
        if (touchButton(id.c_str(), label, ImVec2(keyW, keyH), ButtonKind::Secondary, enabled, f.title)) {
            event = act::EditCode{ce::appendSymbol(view.symbols, c)};
        }
    };
    const auto control = [&](const char* id, const std::string& label, bool enabled, std::string result) {
        place(index++);
        if (touchButton(id, label, ImVec2(keyW, keyH), ButtonKind::Secondary, enabled, f.bodyBold)) {
            event = act::EditCode{std::move(result)};
        }
    };
    if (letters) {
        for (char c = 'A'; c <= 'Z'; ++c) {
            key(c);
        }
        index = cols * rows - 2;
        control("key-clear", t.get("screens.entry.clear"), !view.symbols.empty(), std::string());
        control("key-delete", t.get("screens.entry.delete"), !view.symbols.empty(), ce::removeLast(view.symbols));
    } else {
        for (char c = '1'; c <= '9'; ++c) {
            key(c);
        }
        control("key-clear", t.get("screens.entry.clear"), !view.symbols.empty(), std::string());
        key('0');
        control("key-delete", t.get("screens.entry.delete"), !view.symbols.empty(), ce::removeLast(view.symbols));
    }

    // Actions: look up (only when complete) and back.
    if (tall) {
        const float w = (body.width() - m.gap) * 0.5f;
        detail::moveTo(ImVec2(body.min.x, body.max.y - actionsH));
        if (touchButton("back", t.get("screens.entry.back"), ImVec2(w, actionsH))) {
            event = act::Back{};
        }
        ImGui::SameLine(0.0f, m.gap);
        if (touchButton("submit", t.get("screens.entry.submit"), ImVec2(w, actionsH), ButtonKind::Primary, complete, f.title)) {
            event = act::SubmitCode{ce::format(view.symbols)};
        }
    } else {
        const float x = body.max.x - actionsW;
        detail::moveTo(ImVec2(x, keysTop));
        wrappedText(f.small, t.get("screens.entry.example"), theme.palette.textMuted, actionsW);
        vspace(m.gap);
        detail::moveTo(ImVec2(x, ImGui::GetCursorScreenPos().y));
        if (touchButton("submit", t.get("screens.entry.submit"), ImVec2(actionsW, m.touch * 1.6f), ButtonKind::Primary,
                        complete, f.title)) {
            event = act::SubmitCode{ce::format(view.symbols)};
        }
        detail::moveTo(ImVec2(x, body.max.y - m.touch * 1.2f));
        if (touchButton("back", t.get("screens.entry.back"), ImVec2(actionsW, m.touch * 1.2f))) {
            event = act::Back{};
        }
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
