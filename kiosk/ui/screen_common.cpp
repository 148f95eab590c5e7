#include "kiosk/ui/screen_common.hpp"

#include <algorithm>

namespace kiosk::ui::detail {
namespace {

// `text` cut at a character boundary and ended with "…" so it fits `width` (unchanged if it fits).
std::string fitWithEllipsis(ImFont* font, std::string_view text, float width) {
    auto measure = [&](std::string_view s) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
    if (measure(text) <= width) {
        return std::string(text);
    }
    std::string_view cut = text;
    while (!cut.empty()) {
        cut.remove_suffix(1);
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) {
            cut.remove_suffix(1);  // drop the rest of a multi-byte character
        }
        if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0xC0) {
            cut.remove_suffix(1);  // its lead byte
        }
        std::string candidate(cut);
        while (!candidate.empty() && candidate.back() == ' ') {
            candidate.pop_back();
        }
        candidate += "…";
        if (measure(candidate) <= width) {
            return candidate;
        }
    }
    return "…";
}

}  // namespace

bool portrait() {
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    return size.y > size.x;
}

void moveTo(ImVec2 pos) { ImGui::SetCursorScreenPos(pos); }

Rect drawHeader(const Chrome& chrome, std::string_view title) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 a = vp->Pos;
    const ImVec2 b(vp->Pos.x + vp->Size.x, vp->Pos.y + m.headerHeight);
    list->AddRectFilled(a, b, toU32(theme.palette.primary));
    // A thin national-red rule under the band.
    list->AddRectFilled(ImVec2(a.x, b.y - 6.0f * m.scale), b, toU32(theme.highContrast ? theme.palette.border : theme.palette.accent));

    const FontSet& f = fonts();
    const ImU32 onBand = toU32(theme.palette.primaryText);
    // Right: clock (title face) over the date (small face).
    const float clockW = f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0.0f, chrome.clock.c_str()).x;
    const float dateW = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0.0f, chrome.date.c_str()).x;
    const float rightW = std::max(clockW, dateW);
    const float blockH = f.title->FontSize + f.small->FontSize * 1.1f;
    const float top = a.y + (m.headerHeight - 6.0f * m.scale - blockH) * 0.5f;
    list->AddText(f.title, f.title->FontSize, ImVec2(b.x - m.padding - clockW, top), onBand, chrome.clock.c_str());
    list->AddText(f.small, f.small->FontSize, ImVec2(b.x - m.padding - dateW, top + f.title->FontSize * 1.05f), onBand,
                  chrome.date.c_str());
    // Left: office name (small) over the screen title (bold).
    const float leftW = vp->Size.x - 3.0f * m.padding - rightW;
    // Long office names and titles end with "…" rather than run under the clock.
    const std::string office = fitWithEllipsis(f.small, chrome.officeName, leftW);
    const std::string t = fitWithEllipsis(f.title, title, leftW);
    list->AddText(f.small, f.small->FontSize, ImVec2(a.x + m.padding, top), onBand, office.c_str());
    list->AddText(f.title, f.title->FontSize, ImVec2(a.x + m.padding, top + f.small->FontSize * 1.15f), onBand, t.c_str());
    return Rect{ImVec2(a.x + m.padding, b.y + m.padding),
                ImVec2(vp->Pos.x + vp->Size.x - m.padding, vp->Pos.y + vp->Size.y - m.padding)};
}

void drawCard(ImVec2 min, ImVec2 max) {
    const Theme& theme = currentTheme();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, toU32(theme.palette.surface), theme.metrics.radius);
    list->AddRect(min, max, toU32(theme.palette.border), theme.metrics.radius, 0,
                  (theme.highContrast ? 3.0f : 1.5f) * theme.metrics.scale);
}

void drawCard(const Rect& r) { drawCard(r.min, r.max); }

bool toggleButton(const char* id, std::string_view label, bool on, ImVec2 size) {
    const Theme& theme = currentTheme();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float box = 34.0f * theme.metrics.scale;
    // The label keeps clear of the check box on the left.
    const bool clicked = touchButton(id, label, size, on ? ButtonKind::Selected : ButtonKind::Secondary, true, nullptr,
                                     box + 8.0f * theme.metrics.scale);
    const float h = std::max(size.y, theme.metrics.touch);
    const ImVec2 a(pos.x + 22.0f * theme.metrics.scale, pos.y + (h - box) * 0.5f);
    const ImVec2 b(a.x + box, a.y + box);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 ink = toU32(on ? theme.palette.primaryText : theme.palette.secondaryText);
    list->AddRect(a, b, ink, 6.0f * theme.metrics.scale, 0, 3.0f * theme.metrics.scale);
    if (on) {
        const ImVec2 pts[] = {ImVec2(a.x + box * 0.2f, a.y + box * 0.52f), ImVec2(a.x + box * 0.42f, a.y + box * 0.74f),
                              ImVec2(a.x + box * 0.82f, a.y + box * 0.28f)};
        list->AddPolyline(pts, 3, ink, 0, 4.0f * theme.metrics.scale);
    }
    return clicked;
}

std::optional<UiEvent> drawAccessibilityRow(const Chrome& chrome, const Rect& r) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const Strings& t = *chrome.text;
    std::optional<UiEvent> event;
    const float gap = m.gap;
    // Equal buttons: Tiếng Việt | English (unless the office hides the switch) | large text | contrast.
    const int count = chrome.showLanguageSwitch ? 4 : 2;
    const float w = (r.width() - static_cast<float>(count - 1) * gap) / static_cast<float>(count);
    moveTo(r.min);
    if (chrome.showLanguageSwitch) {
        if (touchButton("lang-vi", t.get("screens.common.language_vi"), ImVec2(w, m.touch),
                        chrome.language == Language::Vi ? ButtonKind::Selected : ButtonKind::Secondary)) {
            event = act::SetLanguage{Language::Vi};
        }
        ImGui::SameLine(0.0f, gap);
        if (touchButton("lang-en", t.get("screens.common.language_en"), ImVec2(w, m.touch),
                        chrome.language == Language::En ? ButtonKind::Selected : ButtonKind::Secondary)) {
            event = act::SetLanguage{Language::En};
        }
        ImGui::SameLine(0.0f, gap);
    }
    if (toggleButton("large-text", t.get("screens.common.large_text"), chrome.largeText, ImVec2(w, m.touch))) {
        event = act::ToggleLargeText{};
    }
    ImGui::SameLine(0.0f, gap);
    if (toggleButton("high-contrast", t.get("screens.common.high_contrast"), chrome.highContrast, ImVec2(w, m.touch))) {
        event = act::ToggleHighContrast{};
    }
    return event;
}

void field(std::string_view label, std::string_view value, float width) {
    const Theme& theme = currentTheme();
    wrappedText(fonts().small, label, theme.palette.textMuted, width);
    wrappedText(fonts().bodyBold, value.empty() ? std::string_view("—") : value, theme.palette.text, width);
    vspace(6.0f * theme.metrics.scale);
}

void heading(std::string_view text, float width) {
    const Theme& theme = currentTheme();
    vspace(12.0f * theme.metrics.scale);
    wrappedText(fonts().title, text, theme.palette.text, width);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y - 6.0f * theme.metrics.scale),
                                              ImVec2(p.x + 96.0f * theme.metrics.scale, p.y - 1.0f * theme.metrics.scale),
                                              toU32(theme.highContrast ? theme.palette.primary : theme.palette.accent));
    vspace(8.0f * theme.metrics.scale);
}

// A receipt ("giấy hẹn") drawn from primitives: the national header, the title, the dossier code line
// marked, a QR code in its corner, lines of text. It points at the code a citizen must type.
void drawReceipt(ImVec2 at, float height, const std::string& caption, float captionW) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float w = height * 0.72f;
    const ImVec2 a(at.x, at.y);
    const ImVec2 b(at.x + w, at.y + height);
    const ImU32 paper = toU32(theme.highContrast ? ImVec4(0.1f, 0.1f, 0.1f, 1.0f) : ImVec4(1.0f, 1.0f, 0.98f, 1.0f));
    const ImU32 ink = toU32(theme.palette.textMuted);
    const ImU32 mark = toU32(theme.palette.accent);
    list->AddRectFilled(ImVec2(a.x + 8.0f * m.scale, a.y + 8.0f * m.scale), ImVec2(b.x + 8.0f * m.scale, b.y + 8.0f * m.scale),
                        IM_COL32(0, 0, 0, 30), 6.0f * m.scale);
    list->AddRectFilled(a, b, paper, 6.0f * m.scale);
    list->AddRect(a, b, toU32(theme.palette.border), 6.0f * m.scale, 0, 2.0f * m.scale);
    const float pad = w * 0.08f;
    const float line = std::max(3.0f, height * 0.012f);
    auto bar = [&](float y, float x0, float x1, ImU32 c) {
        list->AddRectFilled(ImVec2(a.x + x0 * w, a.y + y * height), ImVec2(a.x + x1 * w, a.y + y * height + line), c, line);
    };
    // National header and the receipt's title, centred.
    bar(0.05f, 0.30f, 0.70f, ink);
    bar(0.08f, 0.35f, 0.65f, ink);
    bar(0.14f, 0.20f, 0.80f, toU32(theme.palette.text));
    bar(0.17f, 0.25f, 0.75f, toU32(theme.palette.text));
    // QR code in the top right corner, below the title.
    const float q = w * 0.26f;
    const ImVec2 qa(b.x - pad - q, a.y + height * 0.23f);
    list->AddRect(qa, ImVec2(qa.x + q, qa.y + q), toU32(theme.palette.text), 0.0f, 0, line);
    for (int i = 0; i < 3; ++i) {
        const ImVec2 f(qa.x + (i == 1 ? q * 0.62f : q * 0.08f), qa.y + (i == 2 ? q * 0.62f : q * 0.08f));
        list->AddRectFilled(f, ImVec2(f.x + q * 0.3f, f.y + q * 0.3f), toU32(theme.palette.text));
    }
    // The dossier code line under the QR, marked: this is what to type.
    const float codeY = (qa.y + q - a.y) / height + 0.05f;
    const ImVec2 ca(a.x + pad * 0.6f, a.y + height * (codeY - 0.015f));
    const ImVec2 cb(b.x - pad * 0.6f, a.y + height * (codeY + 0.045f));
    list->AddRectFilled(ca, cb, toU32(ImVec4(theme.palette.accent.x, theme.palette.accent.y, theme.palette.accent.z, 0.15f)),
                        4.0f * m.scale);
    list->AddRect(ca, cb, mark, 4.0f * m.scale, 0, 3.0f * m.scale);
    bar(codeY, 0.12f, 0.28f, ink);
    bar(codeY + 0.012f, 0.31f, 0.86f, toU32(theme.palette.text));
    // Body text lines.
    for (int i = 0; i < 8; ++i) {
        const float y = codeY + 0.12f + 0.045f * static_cast<float>(i);
        bar(y, 0.10f, i % 3 == 2 ? 0.60f : 0.90f, ink);
    }
    // An arrow from the caption to the marked code.
    const ImVec2 tip(cb.x + 4.0f * m.scale, (ca.y + cb.y) * 0.5f);
    const ImVec2 tail(b.x + 40.0f * m.scale, tip.y);
    list->AddLine(tail, ImVec2(tip.x + 14.0f * m.scale, tip.y), mark, 5.0f * m.scale);
    list->AddTriangleFilled(tip, ImVec2(tip.x + 22.0f * m.scale, tip.y - 12.0f * m.scale),
                            ImVec2(tip.x + 22.0f * m.scale, tip.y + 12.0f * m.scale), mark);
    drawWrappedAt(list, fonts().bodyBold, ImVec2(tail.x + 12.0f * m.scale, tail.y - fonts().bodyBold->FontSize * 0.6f),
                  caption, toU32(theme.palette.text), captionW);
    markLayout("message.receipt", a, b);
}

}  // namespace kiosk::ui::detail
