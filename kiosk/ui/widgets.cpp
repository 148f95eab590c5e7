#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <unordered_map>
#include <vector>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {
namespace {

std::map<std::string, TapTarget> g_targetsBuilding;
std::map<std::string, TapTarget> g_targets;
std::map<std::string, LayoutMark> g_marksBuilding;
std::map<std::string, LayoutMark> g_marks;
bool g_animate = false;

// Per scroll region: finger tracking and the velocity left after release.
struct ScrollState {
    bool tracking = false;   // finger went down inside the region
    bool dragging = false;   // moved past the threshold: this is a scroll, not a tap
    float velocity = 0.0f;   // px per second, decays after release
    float lastDelta = 0.0f;
};
std::unordered_map<ImGuiID, ScrollState> g_scroll;
std::vector<ImGuiID> g_scrollStack;
std::vector<std::string> g_scrollNames;  // parallel to g_scrollStack: layout mark ids
// A region whose epoch is older than g_sessionEpoch, or whose content key changed, opens at the top.
std::uint64_t g_sessionEpoch = 1;
struct ScrollOrigin {
    std::uint64_t epoch = 0;
    std::string contentKey;
};
std::unordered_map<ImGuiID, ScrollOrigin> g_scrollOrigin;

std::vector<std::string_view> wrapLines(ImFont* font, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const float size = font->FontSize;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end) {
        const char* nl = std::find(p, end, '\n');
        const char* lineEnd = nl;
        const char* wrap = font->CalcWordWrapPositionA(1.0f, p, lineEnd, width);
        if (wrap == p) {
            wrap = p + 1;  // a single glyph wider than the width: never loop forever
            while (wrap < lineEnd && (static_cast<unsigned char>(*wrap) & 0xC0) == 0x80) {
                ++wrap;
            }
        }
        if (wrap < lineEnd) {
            lineEnd = wrap;
        }
        std::string_view line(p, static_cast<std::size_t>(lineEnd - p));
        while (!line.empty() && line.back() == ' ') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        p = lineEnd;
        if (p < end && *p == '\n') {
            ++p;
        } else {
            while (p < end && *p == ' ') {
                ++p;
            }
        }
    }
    (void)size;
    if (lines.empty()) {
        lines.emplace_back();
    }
    return lines;
}

// Headlines and short texts never end on a one-word line when a narrower measure gives the same
// number of lines without it: "Đưa mã QR trên giấy hẹn vào trước" / "camera" becomes two even lines.
std::vector<std::string_view> wrapHeadline(ImFont* font, std::string_view text, float width) {
    auto lines = wrapLines(font, text, width);
    const auto oneWord = [](std::string_view line) { return line.find(' ') == std::string_view::npos; };
    const FontSet& f = fonts();
    // Headlines up to four lines; short paragraphs of other faces up to three.
    const std::size_t most = font == f.title || font == f.huge ? 4 : 3;
    if (lines.size() < 2 || lines.size() > most || !oneWord(lines.back())) {
        return lines;
    }
    for (int step = 24; step >= 15; --step) {  // 96 % of the width down to 60 %, in steps of 4 %
        auto candidate = wrapLines(font, text, width * 0.04f * static_cast<float>(step));
        if (candidate.size() != lines.size()) {
            break;  // one more line is worse than an orphan
        }
        if (!oneWord(candidate.back())) {
            return candidate;
        }
    }
    return lines;
}

ImFont* orDefault(ImFont* font) {
    if (font != nullptr) {
        return font;
    }
    return fonts().body != nullptr ? fonts().body : ImGui::GetFont();
}

// ImGui starts each new line at the window's left edge; screens lay out columns at absolute x, so
// the widgets put the cursor back under where they started.
void keepColumn(float x) { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); }

}  // namespace

void beginUiFrame() {
    g_targetsBuilding.clear();
    g_marksBuilding.clear();
}

void endUiFrame() {
    g_targets.swap(g_targetsBuilding);
    g_marks.swap(g_marksBuilding);
}

const std::map<std::string, TapTarget>& tapTargets() { return g_targets; }

void markLayout(const std::string& id, ImVec2 min, ImVec2 max, float value) {
    g_marksBuilding[id] = LayoutMark{min, max, value};
}

void markLastItem(const std::string& id, float value) { markLayout(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), value); }

const std::map<std::string, LayoutMark>& layoutMarks() { return g_marks; }

std::string describeLayout() {
    std::string out;
    char buf[160];
    for (const auto& [id, m] : g_marks) {
        std::snprintf(buf, sizeof buf, "%s=%.0f,%.0f,%.0f,%.0f,%.1f", id.c_str(), m.min.x, m.min.y, m.max.x, m.max.y, m.value);
        if (!out.empty()) out += ' ';
        out += buf;
    }
    return out;
}

void resetSessionUi() {
    ++g_sessionEpoch;
    g_scroll.clear();
    forgetQrCache();
}

void requestAnimation() { g_animate = true; }

bool takeAnimationRequest() {
    const bool value = g_animate;
    g_animate = false;
    return value;
}

float drawWrappedAt(ImDrawList* list, ImFont* font, ImVec2 pos, std::string_view text, ImU32 colour, float width,
                    bool centred) {
    font = orDefault(font);
    const float lineHeight = font->FontSize * 1.22f;
    float y = pos.y;
    for (auto line : wrapHeadline(font, text, width)) {
        if (line.empty()) {  // an empty text's only line has no data(): ImGui would strlen(nullptr)
            y += lineHeight;
            continue;
        }
        float x = pos.x;
        if (centred) {
            const ImVec2 sz = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, line.data(), line.data() + line.size());
            x += std::max(0.0f, (width - sz.x) * 0.5f);
        }
        list->AddText(font, font->FontSize, ImVec2(x, y), colour, line.data(), line.data() + line.size());
        y += lineHeight;
    }
    return y - pos.y;
}

float wrappedTextHeight(ImFont* font, std::string_view text, float width) {
    font = orDefault(font);
    return static_cast<float>(wrapHeadline(font, text, width).size()) * font->FontSize * 1.22f;
}

void wrappedText(ImFont* font, std::string_view text, const ImVec4& colour, float width) {
    font = orDefault(font);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = drawWrappedAt(ImGui::GetWindowDrawList(), font, pos, text, toU32(colour), width, false);
    ImGui::Dummy(ImVec2(width, h));
    keepColumn(pos.x);
}

namespace {
// Lines of a URL: breaks only after '/', '?' or '&' past the scheme and host.
std::vector<std::string_view> urlLines(ImFont* font, std::string_view url, float width) {
    auto measure = [&](std::string_view s) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
    std::vector<std::string_view> lines;
    const std::size_t scheme = url.find("://");
    const std::size_t hostEnd = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    while (!url.empty()) {
        if (measure(url) <= width) {
            lines.push_back(url);
            break;
        }
        std::size_t cut = std::string_view::npos;
        const std::size_t from = lines.empty() && hostEnd != std::string_view::npos ? hostEnd : 0;
        for (std::size_t i = from; i < url.size(); ++i) {
            if ((url[i] == '/' || url[i] == '?' || url[i] == '&') && measure(url.substr(0, i + 1)) <= width) {
                cut = i + 1;
            }
        }
        if (cut == std::string_view::npos) {
            // Not even the host fits: it stays whole on its own line (drawn wider than `width`).
            cut = lines.empty() && hostEnd != std::string_view::npos ? hostEnd + 1 : url.size();
        }
        lines.push_back(url.substr(0, cut));
        url.remove_prefix(std::min(cut, url.size()));
    }
    return lines;
}
}  // namespace

void urlText(ImFont* font, std::string_view url, const ImVec4& colour, float width) {
    font = orDefault(font);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    float y = pos.y;
    for (std::string_view line : urlLines(font, url, width)) {
        ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(pos.x, y), toU32(colour), line.data(),
                                            line.data() + line.size());
        y += font->FontSize * 1.22f;
    }
    ImGui::Dummy(ImVec2(width, y - pos.y));
    keepColumn(pos.x);
}

float urlTextHeight(ImFont* font, std::string_view url, float width) {
    font = orDefault(font);
    return static_cast<float>(urlLines(font, url, width).size()) * font->FontSize * 1.22f;
}

void centredText(ImFont* font, std::string_view text, const ImVec4& colour, float width) {
    font = orDefault(font);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = drawWrappedAt(ImGui::GetWindowDrawList(), font, pos, text, toU32(colour), width, true);
    ImGui::Dummy(ImVec2(width, h));
    keepColumn(pos.x);
}

void vspace(float height) {
    const float x = ImGui::GetCursorScreenPos().x;
    ImGui::Dummy(ImVec2(0.0f, height));
    keepColumn(x);
}

bool touchButton(const char* id, std::string_view label, ImVec2 size, ButtonKind kind, bool enabled, ImFont* font,
                 float leftInset) {
    const Theme& theme = currentTheme();
    const Palette& p = theme.palette;
    font = font != nullptr ? font : (kind == ButtonKind::Primary ? fonts().bodyBold : fonts().body);
    font = orDefault(font);
    size.x = std::max(size.x, theme.metrics.touch);
    size.y = std::max(size.y, theme.metrics.touch);

    ImGui::PushID(id);
    if (!enabled) {
        ImGui::BeginDisabled();
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("##touch", size);
    keepColumn(pos.x);
    const bool pressed = ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
    if (!enabled) {
        ImGui::EndDisabled();
    }
    ImGui::PopID();

    ImVec4 fill;
    ImVec4 text;
    ImVec4 border = p.border;
    switch (kind) {
    case ButtonKind::Primary:
        fill = pressed ? p.primaryPressed : p.primary;
        text = p.primaryText;
        border = fill;
        break;
    case ButtonKind::Selected:
        fill = pressed ? p.primaryPressed : p.primary;
        text = p.primaryText;
        border = theme.highContrast ? p.border : fill;
        break;
    case ButtonKind::Danger:
        fill = pressed ? p.secondaryPressed : p.secondary;
        text = p.danger;
        border = p.danger;
        break;
    case ButtonKind::Secondary:
        fill = pressed ? p.secondaryPressed : p.secondary;
        text = p.secondaryText;
        border = theme.highContrast ? p.border : p.secondaryText;
        break;
    }
    if (!enabled) {
        fill = p.surfaceAlt;
        text = p.textMuted;
        border = p.border;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    // Pressed feedback: the button sinks by a few pixels and darkens while the finger is on it.
    const float sink = pressed ? 3.0f * theme.metrics.scale : 0.0f;
    const ImVec2 a(pos.x, pos.y + sink);
    const ImVec2 b(max.x, max.y + sink);
    if (!pressed && enabled && !theme.highContrast) {
        list->AddRectFilled(ImVec2(a.x, a.y + 4.0f * theme.metrics.scale), ImVec2(b.x, b.y + 4.0f * theme.metrics.scale),
                            IM_COL32(0, 0, 0, 28), theme.metrics.radius);
    }
    list->AddRectFilled(a, b, toU32(fill), theme.metrics.radius);
    list->AddRect(a, b, toU32(border), theme.metrics.radius, 0, (theme.highContrast ? 4.0f : 2.5f) * theme.metrics.scale);
    const float side = theme.metrics.padding * 0.6f;
    const float innerWidth = size.x - 2.0f * side - leftInset;
    const float h = wrappedTextHeight(font, label, innerWidth);
    drawWrappedAt(list, font, ImVec2(a.x + side + leftInset, a.y + (size.y - h) * 0.5f), label, toU32(text), innerWidth,
                  true);

    // Inside a scroll region only a button wholly in view is a tap target: one scrolled (partly) out
    // of sight has no place a finger could reliably hit, and the test hooks must not aim at it.
    bool inView = true;
    if (!g_scrollStack.empty()) {
        const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
        inView = pos.x >= clip.Min.x - 0.5f && pos.y >= clip.Min.y - 0.5f && max.x <= clip.Max.x + 0.5f &&
                 max.y <= clip.Max.y + 0.5f;
    }
    if (inView) {
        g_targetsBuilding[id] = TapTarget{pos, max, enabled};
    }
    return clicked && enabled;
}

void beginTouchScroll(const char* id, ImVec2 size, std::string_view contentKey) {
    // The child's id as BeginChild will make it, so the scroll can be set before it begins.
    const ImGuiID childId = ImGui::GetID(id);
    ScrollOrigin& origin = g_scrollOrigin[childId];
    if (origin.epoch != g_sessionEpoch || origin.contentKey != contentKey) {
        origin.epoch = g_sessionEpoch;
        origin.contentKey = std::string(contentKey);
        ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
        g_scroll.erase(childId);
    }
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    g_scrollStack.push_back(childId);
    g_scrollNames.emplace_back(id);
}

void endTouchScroll(std::string_view moreHint) {
    IM_ASSERT(!g_scrollStack.empty());
    const ImGuiID id = g_scrollStack.back();
    g_scrollStack.pop_back();
    const std::string name = std::move(g_scrollNames.back());
    g_scrollNames.pop_back();
    {
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        const ImRect visible = window->InnerClipRect;
        markLayout(name, visible.Min, visible.Max, window->Scroll.y);
        // More below: a fade over the bottom edge and the hint, drawn last so they lie over the content.
        if (window->ScrollMax.y > 1.0f && window->Scroll.y < window->ScrollMax.y - 1.0f) {
            const Theme& theme = currentTheme();
            ImDrawList* list = window->DrawList;
            const float fadeH = std::min(visible.GetHeight() * 0.25f, 90.0f * theme.metrics.scale);
            const ImU32 clear = toU32(ImVec4(theme.palette.background.x, theme.palette.background.y,
                                             theme.palette.background.z, 0.0f));
            const ImU32 solid = toU32(theme.palette.background);
            list->AddRectFilledMultiColor(ImVec2(visible.Min.x, visible.Max.y - fadeH), visible.Max, clear, clear, solid,
                                          solid);
            if (!moreHint.empty()) {
                ImFont* font = orDefault(fonts().small);
                const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, moreHint.data(),
                                                        moreHint.data() + moreHint.size());
                const float pad = 10.0f * theme.metrics.scale;
                const ImVec2 a(visible.Min.x + (visible.GetWidth() - size.x) * 0.5f - 2.0f * pad,
                               visible.Max.y - size.y - 3.0f * pad);
                const ImVec2 b(a.x + size.x + 4.0f * pad, a.y + size.y + 2.0f * pad);
                list->AddRectFilled(a, b, toU32(theme.palette.surfaceAlt), (b.y - a.y) * 0.5f);
                list->AddRect(a, b, toU32(theme.palette.border), (b.y - a.y) * 0.5f, 0, 1.5f * theme.metrics.scale);
                list->AddText(font, font->FontSize, ImVec2(a.x + 2.0f * pad, a.y + pad), toU32(theme.palette.text),
                              moreHint.data(), moreHint.data() + moreHint.size());
                markLayout(name + ".more", a, b);
            }
        }
    }
    ImGuiIO& io = ImGui::GetIO();
    ScrollState& s = g_scroll[id];
    const float threshold = 12.0f * currentTheme().metrics.scale;
    const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                                ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && hovered) {
        s.tracking = true;
        s.dragging = false;
        s.velocity = 0.0f;
    }
    if (s.tracking && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (!s.dragging && std::fabs(ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y) > threshold) {
            s.dragging = true;
            ImGui::ClearActiveID();  // the finger is scrolling: the button under it must not fire
        }
        if (s.dragging) {
            const float dy = io.MouseDelta.y;
            ImGui::SetScrollY(ImGui::GetScrollY() - dy);
            if (io.DeltaTime > 0.0f) {
                s.velocity = 0.6f * s.velocity + 0.4f * (-dy / io.DeltaTime);
            }
            s.lastDelta = dy;
        }
    } else if (s.tracking) {
        s.tracking = false;
        s.dragging = false;
    } else if (std::fabs(s.velocity) > 20.0f) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + s.velocity * io.DeltaTime, 0.0f, ImGui::GetScrollMaxY()));
        s.velocity *= std::pow(0.04f, io.DeltaTime);  // loses 96% of its speed per second
        if (ImGui::GetScrollY() <= 0.0f || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) {
            s.velocity = 0.0f;
        }
        requestAnimation();
    } else {
        s.velocity = 0.0f;
    }
    if (io.MouseWheel != 0.0f && hovered) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * 80.0f * currentTheme().metrics.scale);
    }
    ImGui::EndChild();
}

void drawStatusIcon(ImDrawList* list, StatusTone tone, ImVec2 c, float r, ImU32 circle, ImU32 glyph) {
    list->AddCircleFilled(c, r, circle, 48);
    const float t = std::max(2.0f, r * 0.16f);
    auto pt = [&](float x, float y) { return ImVec2(c.x + x * r, c.y + y * r); };
    switch (tone) {
    case StatusTone::InProgress: {  // clock
        list->AddCircle(c, r * 0.62f, glyph, 40, t * 0.8f);
        list->AddLine(c, pt(0.0f, -0.42f), glyph, t);
        list->AddLine(c, pt(0.30f, 0.12f), glyph, t);
        break;
    }
    case StatusTone::ActionNeeded: {  // exclamation mark
        list->AddLine(pt(0.0f, -0.52f), pt(0.0f, 0.18f), glyph, t * 1.3f);
        list->AddCircleFilled(pt(0.0f, 0.46f), t * 0.85f, glyph, 16);
        break;
    }
    case StatusTone::Ready: {  // check
        const ImVec2 pts[] = {pt(-0.45f, 0.02f), pt(-0.12f, 0.36f), pt(0.48f, -0.32f)};
        list->AddPolyline(pts, 3, glyph, 0, t * 1.2f);
        break;
    }
    case StatusTone::Completed: {  // double check
        const ImVec2 a[] = {pt(-0.62f, 0.04f), pt(-0.34f, 0.34f), pt(0.14f, -0.26f)};
        const ImVec2 b[] = {pt(-0.12f, 0.30f), pt(-0.06f, 0.34f), pt(0.58f, -0.34f)};
        list->AddPolyline(a, 3, glyph, 0, t);
        list->AddPolyline(b, 3, glyph, 0, t);
        break;
    }
    case StatusTone::Stopped: {  // cross
        list->AddLine(pt(-0.36f, -0.36f), pt(0.36f, 0.36f), glyph, t * 1.2f);
        list->AddLine(pt(0.36f, -0.36f), pt(-0.36f, 0.36f), glyph, t * 1.2f);
        break;
    }
    case StatusTone::Overdue: {  // warning triangle with an exclamation mark: late, not a failure
        const ImVec2 tri[] = {pt(0.0f, -0.58f), pt(0.56f, 0.42f), pt(-0.56f, 0.42f)};
        list->AddPolyline(tri, 3, glyph, ImDrawFlags_Closed, t);
        list->AddLine(pt(0.0f, -0.24f), pt(0.0f, 0.12f), glyph, t * 1.1f);
        list->AddCircleFilled(pt(0.0f, 0.27f), t * 0.7f, glyph, 12);
        break;
    }
    case StatusTone::Withdrawn: {  // a curved arrow back: returned at the citizen's wish
        list->PathArcTo(pt(0.05f, 0.05f), r * 0.36f, -1.6f, 1.6f, 20);
        list->PathStroke(glyph, 0, t);
        list->AddLine(pt(0.05f, -0.31f), pt(-0.45f, -0.31f), glyph, t);
        list->AddLine(pt(-0.45f, -0.31f), pt(-0.22f, -0.52f), glyph, t);
        list->AddLine(pt(-0.45f, -0.31f), pt(-0.22f, -0.10f), glyph, t);
        list->AddLine(pt(0.05f, 0.41f), pt(-0.3f, 0.41f), glyph, t);
        break;
    }
    case StatusTone::Unknown: {  // question mark, from the bold face
        ImFont* font = fonts().title != nullptr ? fonts().title : ImGui::GetFont();
        const float size = r * 1.3f;
        const ImVec2 sz = font->CalcTextSizeA(size, FLT_MAX, 0.0f, "?");
        list->AddText(font, size, ImVec2(c.x - sz.x * 0.5f, c.y - sz.y * 0.5f), glyph, "?");
        break;
    }
    }
}

void drawSpinner(ImDrawList* list, ImVec2 c, float r, double t, ImU32 colour, float thickness) {
    const float start = static_cast<float>(std::fmod(t * 4.0, 2.0 * std::numbers::pi));
    list->PathClear();
    list->PathArcTo(c, r, start, start + std::numbers::pi_v<float> * 1.4f, 40);
    list->PathStroke(colour, 0, thickness);
    requestAnimation();
}

void beginScreen(const char* id) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    // No window padding: screens place everything themselves, and ImGui would clip half the padding
    // off the edges (the header band must reach them).
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
}

void endScreen() { ImGui::End(); }

}  // namespace kiosk::ui
