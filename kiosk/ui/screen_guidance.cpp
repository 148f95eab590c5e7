// Guidance ("Do it online") pages: home (topic tiles and a list), search (on-screen keyboard and
// live results) and detail (what to prepare and the steps, QR code of the service page, print).
// Index: [SECTION] shared pieces, [SECTION] home, [SECTION] keyboard, [SECTION] search,
// [SECTION] detail.
//
// Tap ids (docs/ui.md): guide-search, guide-cat-all, guide-cat-<id>, guide-entry-<id>, gkey-a..gkey-z,
// gkey-aw gkey-aa gkey-dd gkey-ee gkey-oo gkey-ow gkey-uw (ă â đ ê ô ơ ư, Telex spelling),
// gkey-space, gkey-back (backspace), gkey-clear, guide-print, back.
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {
namespace {

using detail::Rect;

/// Longest query the keyboard builds: far more than any title needs, short enough for one line.
constexpr std::size_t kMaxQueryBytes = 60;

//-----------------------------------------------------------------------------
// [SECTION] shared pieces
//-----------------------------------------------------------------------------

// A big row for one entry: title over "category · online level", a chevron on the right.
bool entryRow(const GuideRow& row, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    const float side = m.padding * 0.6f;
    const float chevron = 28.0f * m.scale;
    const float textW = width - 2.0f * side - chevron - m.gap * 0.5f;
    const float titleH = wrappedTextHeight(f.bodyBold, row.title, textW);
    const float detailH = wrappedTextHeight(f.small, row.detail, textW);
    const float h = std::max(m.touch, titleH + detailH + side * 1.2f);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const std::string id = "guide-entry-" + row.id;
    const bool clicked = touchButton(id.c_str(), "", ImVec2(width, h));
    ImDrawList* list = ImGui::GetWindowDrawList();
    float y = a.y + (h - titleH - detailH) * 0.5f;
    y += drawWrappedAt(list, f.bodyBold, ImVec2(a.x + side, y), row.title, toU32(theme.palette.secondaryText), textW);
    drawWrappedAt(list, f.small, ImVec2(a.x + side, y), row.detail, toU32(theme.palette.textMuted), textW);
    const float cx = a.x + width - side - chevron * 0.5f;
    const float cy = a.y + h * 0.5f;
    const ImVec2 pts[] = {ImVec2(cx - chevron * 0.25f, cy - chevron * 0.5f), ImVec2(cx + chevron * 0.25f, cy),
                          ImVec2(cx - chevron * 0.25f, cy + chevron * 0.5f)};
    list->AddPolyline(pts, 3, toU32(theme.palette.secondaryText), 0, 4.0f * m.scale);
    return clicked;
}

// Rows one under the other at the cursor, a finger's gap apart.
std::optional<UiEvent> entryList(const std::vector<GuideRow>& rows, float width) {
    const Metrics& m = currentTheme().metrics;
    std::optional<UiEvent> event;
    const float x = ImGui::GetCursorScreenPos().x;
    for (const GuideRow& row : rows) {
        if (entryRow(row, width)) {
            event = act::OpenGuideEntry{row.id};
        }
        detail::moveTo(ImVec2(x, ImGui::GetItemRectMax().y + m.gap));
    }
    ImGui::Dummy(ImVec2(width, 1.0f));  // the last gap counts as content: the last row scrolls clear of the edge
    return event;
}

// A search field look-alike: magnifier and the placeholder; tapping it opens the search page.
bool searchField(const Strings& t, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    const float glass = 22.0f * m.scale;
    const float textX = m.padding * 0.6f + glass * 2.0f + m.gap * 0.5f;
    const std::string& label = t.get("guidance.search.placeholder");
    const float textW = width - textX - m.padding * 0.6f;
    const float h = std::max(m.touch * 1.15f, wrappedTextHeight(f.body, label, textW) + m.padding);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const bool clicked = touchButton("guide-search", "", ImVec2(width, h));
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 ink = toU32(theme.palette.secondaryText);
    const ImVec2 c(a.x + m.padding * 0.6f + glass * 0.8f, a.y + h * 0.5f - glass * 0.2f);
    list->AddCircle(c, glass * 0.7f, ink, 32, 4.0f * m.scale);
    list->AddLine(ImVec2(c.x + glass * 0.5f, c.y + glass * 0.5f), ImVec2(c.x + glass * 1.1f, c.y + glass * 1.1f), ink,
                  5.0f * m.scale);
    const float textH = wrappedTextHeight(f.body, label, textW);
    drawWrappedAt(list, f.body, ImVec2(a.x + textX, a.y + (h - textH) * 0.5f), label, toU32(theme.palette.textMuted), textW);
    return clicked;
}

//-----------------------------------------------------------------------------
// [SECTION] home
//-----------------------------------------------------------------------------

// Topic tiles in `cols` columns from the cursor; each row as tall as its longest caption.
// Height the tiles take in `cols` columns with `font`.
float tilesHeight(const GuidanceHomeView& v, float width, int cols, ImFont* font) {
    const Metrics& m = currentTheme().metrics;
    const float tileW = (width - m.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float innerW = tileW - 2.0f * m.padding * 0.6f;
    float total = 0.0f;
    for (std::size_t first = 0; first < v.tiles.size(); first += static_cast<std::size_t>(cols)) {
        float h = m.touch;
        for (std::size_t i = first; i < std::min(v.tiles.size(), first + static_cast<std::size_t>(cols)); ++i) {
            h = std::max(h, wrappedTextHeight(font, v.tiles[i].name, innerW) + m.padding * 0.8f);
        }
        total += h + m.gap;
    }
    return total - m.gap;
}

// The topic tiles, never in a scroll area of their own (a nested scroll clips labels and hides
// topics): the first of 2 columns / 3 columns, bold / regular face that fits `maxHeight`.
std::optional<UiEvent> tiles(const GuidanceHomeView& v, float width, int cols, float maxHeight = 1e9f) {
    const Metrics& m = currentTheme().metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    ImFont* font = f.bodyBold;
    for (const auto& [c, face] : {std::pair{cols, f.bodyBold}, std::pair{cols + 1, f.bodyBold}, std::pair{cols + 1, f.body},
                                  std::pair{cols + 1, f.small}}) {
        cols = c;
        font = face;
        if (tilesHeight(v, width, cols, font) <= maxHeight) break;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float tileW = (width - m.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float innerW = tileW - 2.0f * m.padding * 0.6f;
    float y = origin.y;
    for (std::size_t first = 0; first < v.tiles.size(); first += static_cast<std::size_t>(cols)) {
        const std::size_t last = std::min(v.tiles.size(), first + static_cast<std::size_t>(cols));
        float h = m.touch;
        for (std::size_t i = first; i < last; ++i) {
            h = std::max(h, wrappedTextHeight(font, v.tiles[i].name, innerW) + m.padding * 0.8f);
        }
        for (std::size_t i = first; i < last; ++i) {
            const GuideTile& tile = v.tiles[i];
            detail::moveTo(ImVec2(origin.x + static_cast<float>(i - first) * (tileW + m.gap), y));
            const std::string id = "guide-cat-" + (tile.id.empty() ? std::string("all") : tile.id);
            const bool chosen = tile.id == v.selectedCategory;
            if (touchButton(id.c_str(), tile.name, ImVec2(tileW, h), chosen ? ButtonKind::Selected : ButtonKind::Secondary,
                            true, font)) {
                event = act::OpenGuideCategory{tile.id};
            }
        }
        y += h + m.gap;
    }
    detail::moveTo(ImVec2(origin.x, y - m.gap));
    ImGui::Dummy(ImVec2(width, 1.0f));
    return event;
}

// Heading over a scrolling list that fills `r`.
std::optional<UiEvent> listPanel(const std::string& scrollId, const std::string& title, const std::vector<GuideRow>& rows,
                                 const Rect& r) {
    const Theme& theme = currentTheme();
    const float scrollbar = ImGui::GetStyle().ScrollbarSize + theme.metrics.gap * 0.5f;
    detail::moveTo(r.min);
    wrappedText(fonts().title, title, theme.palette.text, r.width());
    const float top = ImGui::GetCursorScreenPos().y + theme.metrics.gap * 0.25f;
    detail::moveTo(ImVec2(r.min.x, top));
    beginTouchScroll(scrollId.c_str(), ImVec2(r.width(), r.max.y - top));
    auto event = entryList(rows, r.width() - scrollbar);
    endTouchScroll();
    return event;
}

}  // namespace

std::optional<UiEvent> drawGuidanceHome(const GuidanceHomeView& v) {
    const Strings& t = *v.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    auto take = [&](std::optional<UiEvent> e) {
        if (e) event = std::move(e);
    };

    beginScreen("guidance-home");
    const Rect body = detail::drawHeader(v.chrome, t.get("guidance.home.title"));
    const float backH = m.touch * 1.2f;
    const std::string& backLabel = t.get("screens.common.home");
    const std::string listId = "guide-home-list-" + (v.selectedCategory.empty() ? std::string("all") : v.selectedCategory);

    if (!v.available) {
        const float textW = std::min(body.width(), 1200.0f * m.scale);
        detail::moveTo(ImVec2(body.min.x + (body.width() - textW) * 0.5f, body.min.y + body.height() * 0.3f));
        centredText(f.title, t.get("guidance.unavailable"), theme.palette.text, textW);
        detail::moveTo(ImVec2(body.min.x + (body.width() - textW) * 0.5f, body.max.y - backH));
        if (touchButton("back", backLabel, ImVec2(textW, backH), ButtonKind::Primary, true, f.title)) {
            event = act::Back{};
        }
        endScreen();
        return event;
    }

    if (!detail::portrait()) {
        // Left: how to start, the search field, the topics; right: the chosen topic's list.
        const float leftW = std::min(body.width() * 0.42f, 820.0f * m.scale);
        detail::moveTo(body.min);
        wrappedText(f.body, t.get("guidance.home.subtitle"), theme.palette.textMuted, leftW);
        vspace(m.gap * 0.25f);
        if (searchField(t, leftW)) {
            event = act::OpenGuideSearch{};
        }
        vspace(m.gap * 0.5f);
        wrappedText(f.bodyBold, t.get("guidance.home.categories"), theme.palette.text, leftW);
        const float tilesTop = ImGui::GetCursorScreenPos().y + m.gap * 0.25f;
        detail::moveTo(ImVec2(body.min.x, tilesTop));
        take(tiles(v, leftW, 2, body.max.y - tilesTop));
        // Back under the list, on the right as on the detail page: the topics keep the whole column.
        const float x = body.min.x + leftW + m.gap * 1.5f;
        take(listPanel(listId, v.listTitle, v.entries, Rect{ImVec2(x, body.min.y), ImVec2(body.max.x, body.max.y - backH - m.gap)}));
        detail::moveTo(ImVec2(x, body.max.y - backH));
        if (touchButton("back", backLabel, ImVec2(body.max.x - x, backH))) {
            event = act::Back{};
        }
    } else {
        // Top to bottom: search field, topics (three columns), the list, back.
        detail::moveTo(body.min);
        wrappedText(f.body, t.get("guidance.home.subtitle"), theme.palette.textMuted, body.width());
        vspace(m.gap * 0.25f);
        if (searchField(t, body.width())) {
            event = act::OpenGuideSearch{};
        }
        vspace(m.gap * 0.5f);
        wrappedText(f.bodyBold, t.get("guidance.home.categories"), theme.palette.text, body.width());
        vspace(m.gap * 0.25f);
        take(tiles(v, body.width(), 3));
        const float listTop = ImGui::GetItemRectMax().y + m.gap * 1.5f;
        take(listPanel(listId, v.listTitle, v.entries,
                       Rect{ImVec2(body.min.x, listTop), ImVec2(body.max.x, body.max.y - backH - m.gap)}));
        detail::moveTo(ImVec2(body.min.x, body.max.y - backH));
        if (touchButton("back", backLabel, ImVec2(body.width(), backH))) {
            event = act::Back{};
        }
    }
    endScreen();
    return event;
}

//-----------------------------------------------------------------------------
// [SECTION] keyboard
//-----------------------------------------------------------------------------

namespace {

struct AccentKey {
    const char* id;
    const char* text;  // NFC, one code point
};
// The vowels with their own letters (and đ); tone marks are not needed: search ignores them.
constexpr std::array<AccentKey, 7> kAccentKeys = {{{"gkey-aw", "ă"}, {"gkey-aa", "â"}, {"gkey-dd", "đ"},
                                                   {"gkey-ee", "ê"}, {"gkey-oo", "ô"}, {"gkey-ow", "ơ"},
                                                   {"gkey-uw", "ư"}}};

// `text` without its last UTF-8 character.
std::string dropLastCharacter(std::string text) {
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
        text.pop_back();
    }
    if (!text.empty()) {
        text.pop_back();
    }
    return text;
}

// Letters a-z in `cols` columns (alphabetical, like the dossier-code keypad: no typing skill
// needed), a row of ă â đ ê ô ơ ư, then clear | space | backspace. Fills `r`.
std::optional<UiEvent> keyboard(const std::string& query, const Strings& t, const Rect& r, int cols) {
    const Metrics& m = currentTheme().metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    const int letterRows = (26 + cols - 1) / cols;
    const int rows = letterRows + 2;
    const float keyW = std::max(m.touch, (r.width() - m.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
    const float keyH = std::clamp((r.height() - m.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), m.touch,
                                  m.touch * 1.4f);
    const float gridW = keyW * static_cast<float>(cols) + m.gap * static_cast<float>(cols - 1);
    const float left = r.min.x + (r.width() - gridW) * 0.5f;
    const float top = r.max.y - (keyH * static_cast<float>(rows) + m.gap * static_cast<float>(rows - 1));
    const bool room = query.size() < kMaxQueryBytes;
    auto cell = [&](float col, int row) {
        detail::moveTo(ImVec2(left + col * (keyW + m.gap), top + static_cast<float>(row) * (keyH + m.gap)));
    };
    for (int i = 0; i < 26; ++i) {
        const char c = static_cast<char>('a' + i);
        cell(static_cast<float>(i % cols), i / cols);
        const char label[2] = {c, 0};
        const std::string id = std::string("gkey-") + c;
        if (touchButton(id.c_str(), label, ImVec2(keyW, keyH), ButtonKind::Secondary, room, f.title)) {
            event = act::EditGuideQuery{query + c};
        }
    }
    const float accentLeft = static_cast<float>(cols - static_cast<int>(kAccentKeys.size())) * 0.5f;
    for (std::size_t i = 0; i < kAccentKeys.size(); ++i) {
        cell(accentLeft + static_cast<float>(i), letterRows);
        if (touchButton(kAccentKeys[i].id, kAccentKeys[i].text, ImVec2(keyW, keyH), ButtonKind::Secondary, room, f.title)) {
            event = act::EditGuideQuery{query + kAccentKeys[i].text};
        }
    }
    const int last = letterRows + 1;
    const float wide = keyW * 2.0f + m.gap;
    cell(0.0f, last);
    if (touchButton("gkey-clear", t.get("guidance.search.clear"), ImVec2(wide, keyH), ButtonKind::Secondary,
                    !query.empty(), f.bodyBold)) {
        event = act::EditGuideQuery{std::string()};
    }
    cell(2.0f, last);
    const float spaceW = keyW * static_cast<float>(cols - 4) + m.gap * static_cast<float>(cols - 5);
    const bool spaceOk = room && !query.empty() && query.back() != ' ';
    if (touchButton("gkey-space", t.get("guidance.keyboard.space"), ImVec2(spaceW, keyH), ButtonKind::Secondary, spaceOk,
                    f.bodyBold)) {
        event = act::EditGuideQuery{query + ' '};
    }
    cell(static_cast<float>(cols - 2), last);
    if (touchButton("gkey-back", t.get("guidance.keyboard.backspace"), ImVec2(wide, keyH), ButtonKind::Secondary,
                    !query.empty(), f.bodyBold)) {
        event = act::EditGuideQuery{dropLastCharacter(query)};
    }
    return event;
}

// Height of the keyboard keyboard() draws in `width` with `cols` columns at its smallest keys.
float keyboardMinHeight(int cols) {
    const Metrics& m = currentTheme().metrics;
    const int rows = (26 + cols - 1) / cols + 2;
    return m.touch * static_cast<float>(rows) + m.gap * static_cast<float>(rows - 1);
}

//-----------------------------------------------------------------------------
// [SECTION] search
//-----------------------------------------------------------------------------

// The query in large type in a field with a caret; the placeholder while empty.
void queryBox(const std::string& query, const Strings& t, const Rect& r) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(r.min, r.max, toU32(theme.palette.surface), m.radius);
    list->AddRect(r.min, r.max, toU32(theme.palette.primary), m.radius, 0, 4.0f * m.scale);
    const float avail = r.width() - 2.0f * m.padding;
    if (query.empty()) {
        const std::string& hint = t.get("guidance.search.placeholder");
        const float h = wrappedTextHeight(f.body, hint, avail - 12.0f * m.scale);
        list->AddRectFilled(ImVec2(r.min.x + m.padding, r.min.y + m.padding * 0.5f),
                            ImVec2(r.min.x + m.padding + 4.0f * m.scale, r.max.y - m.padding * 0.5f),
                            toU32(theme.palette.primary));
        drawWrappedAt(list, f.body, ImVec2(r.min.x + m.padding + 12.0f * m.scale, r.min.y + (r.height() - h) * 0.5f), hint,
                      toU32(theme.palette.textMuted), avail - 12.0f * m.scale);
        return;
    }
    ImFont* font = f.huge;
    float size = font->FontSize;
    const char* begin = query.c_str();
    float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin).x;
    if (w > avail) {  // shrink to the title size, then show the end (where the citizen types)
        size = std::max(f.title->FontSize, size * avail / w);
        while (*begin != 0 && font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin).x > avail) {
            ++begin;
            while ((static_cast<unsigned char>(*begin) & 0xC0) == 0x80) ++begin;
        }
        w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin).x;
    }
    const ImVec2 pos(r.min.x + m.padding, r.min.y + (r.height() - size) * 0.5f);
    list->AddText(font, size, pos, toU32(theme.palette.text), begin);
    list->AddRectFilled(ImVec2(pos.x + w + 2.0f * m.scale, pos.y + size * 0.08f),
                        ImVec2(pos.x + w + 6.0f * m.scale, pos.y + size), toU32(theme.palette.primary));
}

// The results, or what to do when there are none.
std::optional<UiEvent> resultsPanel(const GuidanceSearchView& v, const Strings& t, const Rect& r) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    const bool blank = v.query.find_first_not_of(' ') == std::string::npos;
    if (!blank && !v.results.empty()) {
        // "3 results" alone: "Search results · 3 results" wraps in large text and says it twice.
        const std::string title = t.format("guidance.search.result_count", {{"count", std::to_string(v.results.size())}});
        return listPanel("guide-search-results", title, v.results, r);
    }
    const float innerW = r.width() - 2.0f * m.padding;
    const std::string first = blank ? t.get("guide_screen.type_to_search")
                                    : t.format("guide_screen.no_match", {{"query", v.query}});
    const std::string& second = t.get(blank ? "guidance.search.hint" : "guide_screen.no_match_hint");
    const float textH = wrappedTextHeight(blank ? f.body : f.title, first, innerW) + m.gap * 0.5f +
                        wrappedTextHeight(f.body, second, innerW) + 3.0f * ImGui::GetStyle().ItemSpacing.y;
    detail::drawCard(r.min, ImVec2(r.max.x, std::min(r.max.y, r.min.y + textH + 2.0f * m.padding)));
    detail::moveTo(ImVec2(r.min.x + m.padding, r.min.y + m.padding));
    if (blank) {
        wrappedText(f.body, t.get("guide_screen.type_to_search"), theme.palette.text, innerW);
        vspace(m.gap * 0.5f);
        wrappedText(f.body, t.get("guidance.search.hint"), theme.palette.textMuted, innerW);
    } else {
        wrappedText(f.title, t.format("guide_screen.no_match", {{"query", v.query}}), theme.palette.text, innerW);
        vspace(m.gap * 0.5f);
        wrappedText(f.body, t.get("guide_screen.no_match_hint"), theme.palette.text, innerW);
    }
    return std::nullopt;
}

}  // namespace

std::optional<UiEvent> drawGuidanceSearch(const GuidanceSearchView& v) {
    const Strings& t = *v.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;
    auto take = [&](std::optional<UiEvent> e) {
        if (e) event = std::move(e);
    };

    beginScreen("guidance-search");
    const Rect body = detail::drawHeader(v.chrome, t.get("guide_screen.search_title"));
    const float queryH = std::max(m.touch, f.huge->FontSize * 1.6f);
    const float backH = m.touch * 1.2f;
    if (!detail::portrait()) {
        // Left: the query over the keyboard; right: the results over Back.
        constexpr int cols = 9;
        const float minKeysW = m.touch * cols + m.gap * (cols - 1);
        const float leftW = std::max(body.width() * 0.58f, minKeysW);
        queryBox(v.query, t, Rect{body.min, ImVec2(body.min.x + leftW, body.min.y + queryH)});
        detail::moveTo(ImVec2(body.min.x, body.min.y + queryH + m.gap * 0.4f));
        wrappedText(f.small, t.get("guidance.search.hint"), theme.palette.textMuted, leftW);
        const float keysTop = ImGui::GetCursorScreenPos().y + m.gap * 0.5f;
        take(keyboard(v.query, t, Rect{ImVec2(body.min.x, keysTop), ImVec2(body.min.x + leftW, body.max.y)}, cols));
        const float x = body.min.x + leftW + m.gap * 1.5f;
        take(resultsPanel(v, t, Rect{ImVec2(x, body.min.y), ImVec2(body.max.x, body.max.y - backH - m.gap)}));
        detail::moveTo(ImVec2(x, body.max.y - backH));
        if (touchButton("back", t.get("guidance.home.back"), ImVec2(body.max.x - x, backH))) {
            event = act::Back{};
        }
    } else {
        // Top to bottom: query and Back, the results, the keyboard.
        constexpr int cols = 7;
        const float backW = std::min(body.width() * 0.3f, 300.0f * m.scale);
        queryBox(v.query, t, Rect{body.min, ImVec2(body.max.x - backW - m.gap, body.min.y + queryH)});
        detail::moveTo(ImVec2(body.max.x - backW, body.min.y));
        if (touchButton("back", t.get("guidance.home.back"), ImVec2(backW, queryH))) {
            event = act::Back{};
        }
        detail::moveTo(ImVec2(body.min.x, body.min.y + queryH + m.gap * 0.4f));
        wrappedText(f.small, t.get("guidance.search.hint"), theme.palette.textMuted, body.width());
        const float resultsTop = ImGui::GetCursorScreenPos().y + m.gap * 0.5f;
        const float keysH = std::max(keyboardMinHeight(cols), body.height() * 0.42f);
        take(keyboard(v.query, t, Rect{ImVec2(body.min.x, body.max.y - keysH), body.max}, cols));
        take(resultsPanel(v, t, Rect{ImVec2(body.min.x, resultsTop), ImVec2(body.max.x, body.max.y - keysH - m.gap)}));
    }
    endScreen();
    return event;
}

//-----------------------------------------------------------------------------
// [SECTION] detail
//-----------------------------------------------------------------------------

namespace {

// "Fully online" / "Partly online" / "General guide" as a coloured pill (colour and words).
void levelPill(const GuidanceDetailView& v, const Strings& t, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    const std::string& label =
        t.get(v.guide ? "guide_screen.kind_guide" : v.fullyOnline ? "guidance.detail.online_full" : "guidance.detail.online_partial");
    const StatusTone tone = v.guide ? StatusTone::Completed : v.fullyOnline ? StatusTone::Ready : StatusTone::ActionNeeded;
    const float padX = m.padding * 0.5f;
    const float textW = std::min(width - 2.0f * padX,
                                 f.bodyBold->CalcTextSizeA(f.bodyBold->FontSize, FLT_MAX, 0.0f, label.c_str()).x + 1.0f);
    const float h = wrappedTextHeight(f.bodyBold, label, textW) + m.padding * 0.4f;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(a, ImVec2(a.x + textW + 2.0f * padX, a.y + h), toU32(statusColour(tone)), h * 0.5f);
    drawWrappedAt(list, f.bodyBold, ImVec2(a.x + padX, a.y + m.padding * 0.2f), label, toU32(statusTextColour(tone)), textW);
    ImGui::Dummy(ImVec2(width, h));
}

// Numbered steps: the number in a filled circle, the text beside it.
void numberedSteps(const std::vector<std::string>& steps, float width) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float r = f.bodyBold->FontSize * 0.75f;
    const float textX = r * 2.0f + m.gap * 0.6f;
    const float textW = width - textX;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float h = std::max(r * 2.0f, wrappedTextHeight(f.body, steps[i], textW));
        const ImVec2 c(a.x + r, a.y + f.body->FontSize * 0.62f);
        list->AddCircleFilled(c, r, toU32(theme.palette.primary), 32);
        const std::string n = std::to_string(i + 1);
        const ImVec2 sz = f.bodyBold->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0.0f, n.c_str());
        list->AddText(f.bodyBold, f.small->FontSize, ImVec2(c.x - sz.x * 0.5f, c.y - sz.y * 0.5f),
                      toU32(theme.palette.primaryText), n.c_str());
        drawWrappedAt(list, f.body, ImVec2(a.x + textX, a.y), steps[i], toU32(theme.palette.text), textW);
        ImGui::Dummy(ImVec2(width, h));
        vspace(4.0f * m.scale);
    }
}

// Heading and its text, skipped when the catalog leaves the field out.
void section(const Strings& t, const char* headingKey, const std::string& text, float width) {
    if (text.empty()) {
        return;
    }
    detail::heading(t.get(headingKey), width);
    wrappedText(fonts().body, text, currentTheme().palette.text, width);
}

// A bold label and its text inside a section.
void labelled(const Strings& t, const char* labelKey, const std::string& text, float width) {
    if (text.empty()) {
        return;
    }
    const Theme& theme = currentTheme();
    vspace(8.0f * theme.metrics.scale);
    wrappedText(fonts().bodyBold, t.get(labelKey), theme.palette.text, width);
    wrappedText(fonts().body, text, theme.palette.text, width);
}

// Open-on-your-phone: heading, hint, the QR code (`side` wide) and the address as text.
void qrBlock(const GuidanceDetailView& v, const Strings& t, float width, float side) {
    const Theme& theme = currentTheme();
    const FontSet& f = fonts();
    wrappedText(f.bodyBold, t.get("guidance.detail.open_on_phone"), theme.palette.text, width);
    wrappedText(f.small, t.get("guidance.detail.scan_qr"), theme.palette.textMuted, width);
    vspace(8.0f * theme.metrics.scale);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    detail::moveTo(ImVec2(p.x + (width - side) * 0.5f, p.y));
    drawQr(v.url, side);
    detail::moveTo(ImVec2(p.x, ImGui::GetItemRectMax().y + 8.0f * theme.metrics.scale));
    wrappedText(f.small, t.get("guidance.detail.url"), theme.palette.textMuted, width);
    urlText(f.bodyBold, v.url, theme.palette.text, width);
}

// Everything but the QR code (landscape puts it beside), in reading order.
void detailBody(const GuidanceDetailView& v, const Strings& t, float width, bool withQr) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    if (!v.category.empty()) {
        wrappedText(f.small, v.category, theme.palette.textMuted, width);
    }
    wrappedText(f.huge, v.title, theme.palette.text, width);
    vspace(m.gap * 0.25f);
    levelPill(v, t, width);
    vspace(m.gap * 0.25f);
    wrappedText(f.body, v.summary, theme.palette.text, width);
    section(t, "guidance.detail.who", v.who, width);
    section(t, "guidance.detail.online_note", v.onlineNote, width);
    section(t, "guidance.detail.login", v.login, width);
    if (!v.steps.empty()) {
        detail::heading(t.get("guidance.detail.steps"), width);
        numberedSteps(v.steps, width);
    }
    if (!v.documents.empty()) {
        detail::heading(t.get("guidance.detail.documents"), width);
        const float indent = f.body->FontSize * 1.1f;  // hanging indent: wrapped lines start under the text
        for (const std::string& doc : v.documents) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddText(f.body, f.body->FontSize, p, toU32(theme.palette.text), "•");
            detail::moveTo(ImVec2(p.x + indent, p.y));
            wrappedText(f.body, doc, theme.palette.text, width - indent);
            detail::moveTo(ImVec2(p.x, ImGui::GetCursorScreenPos().y));
        }
    }
    section(t, "guidance.detail.fees", v.fees, width);
    labelled(t, "guidance.detail.payment", v.payment, width);
    section(t, "guidance.detail.processing_time", v.processingTime, width);
    section(t, "guidance.detail.result", v.result, width);
    section(t, "guidance.detail.notes", v.notes, width);
    if (withQr && !v.url.empty()) {
        detail::heading(t.get("guidance.detail.url"), width);
        qrBlock(v, t, width, std::min(width, 360.0f * m.scale));
    }
    vspace(m.padding);
}

// Printed / failed line above the print button; empty while idle or printing (the button says it).
const std::string* printStatusText(const GuidanceDetailView& v, const Strings& t) {
    if (!v.printerAvailable) return nullptr;
    if (v.print == PrintProgress::Printed) return &t.get("guidance.detail.printed");
    if (v.print == PrintProgress::Failed) return &t.get("guidance.detail.print_failed");
    return nullptr;
}

bool printButton(const GuidanceDetailView& v, const Strings& t, ImVec2 size) {
    const char* key = v.print == PrintProgress::Idle       ? "guidance.detail.print"
                      : v.print == PrintProgress::Printing ? "guidance.detail.printing"
                                                            : "guide_screen.print_again";
    return touchButton("guide-print", t.get(key), size, ButtonKind::Secondary, v.print != PrintProgress::Printing);
}

}  // namespace

std::optional<UiEvent> drawGuidanceDetail(const GuidanceDetailView& v) {
    const Strings& t = *v.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;

    beginScreen("guidance-detail");
    const Rect body = detail::drawHeader(v.chrome, t.get("guidance.home.title"));
    const float scrollbar = ImGui::GetStyle().ScrollbarSize + m.gap;
    const std::string scrollId = "guide-detail-" + v.id;  // a new entry starts at the top
    const std::string* status = printStatusText(v, t);
    const ImVec4 statusColour = v.print == PrintProgress::Failed ? theme.palette.danger : theme.palette.text;
    const float backH = m.touch * 1.2f;
    if (!detail::portrait()) {
        const float sideW = std::min(body.width() * 0.32f, 560.0f * m.scale);
        const float mainW = body.width() - sideW - m.gap * 1.5f;
        detail::moveTo(body.min);
        beginTouchScroll(scrollId.c_str(), ImVec2(mainW, body.height()));
        detailBody(v, t, mainW - scrollbar, false);
        endTouchScroll();

        // Side, bottom up: back, print, print status; the QR card takes the height left.
        const float x = body.max.x - sideW;
        float bottom = body.max.y - backH;
        detail::moveTo(ImVec2(x, bottom));
        if (touchButton("back", t.get("guidance.home.back"), ImVec2(sideW, backH), ButtonKind::Primary, true, f.title)) {
            event = act::Back{};
        }
        if (v.printerAvailable) {
            bottom -= m.gap + m.touch;
            detail::moveTo(ImVec2(x, bottom));
            if (printButton(v, t, ImVec2(sideW, m.touch))) {
                event = act::PrintGuide{};
            }
            if (status != nullptr) {
                const float h = wrappedTextHeight(f.bodyBold, *status, sideW);
                bottom -= m.gap * 0.5f + h;
                detail::moveTo(ImVec2(x, bottom));
                wrappedText(f.bodyBold, *status, statusColour, sideW);
            }
        }
        bottom -= m.gap;
        detail::drawCard(ImVec2(x, body.min.y), ImVec2(body.max.x, bottom));
        const float innerW = sideW - 2.0f * m.padding * 0.6f;
        const float textH = wrappedTextHeight(f.bodyBold, t.get("guidance.detail.open_on_phone"), innerW) +
                            wrappedTextHeight(f.small, t.get("guidance.detail.scan_qr"), innerW) +
                            wrappedTextHeight(f.small, t.get("guidance.detail.url"), innerW) +
                            urlTextHeight(f.bodyBold, v.url, innerW) + 16.0f * m.scale +
                            4.0f * ImGui::GetStyle().ItemSpacing.y;
        const float side = std::min(innerW, bottom - body.min.y - 2.0f * m.padding * 0.6f - textH);
        if (side > 120.0f * m.scale && !v.url.empty()) {
            detail::moveTo(ImVec2(x + m.padding * 0.6f, body.min.y + m.padding * 0.6f));
            ImGui::BeginGroup();
            qrBlock(v, t, innerW, side);
            ImGui::EndGroup();
        }
    } else {
        const float statusH = status != nullptr ? wrappedTextHeight(f.bodyBold, *status, body.width()) + m.gap * 0.5f : 0.0f;
        const float footerH = backH + m.gap + statusH;
        detail::moveTo(body.min);
        beginTouchScroll(scrollId.c_str(), ImVec2(body.width(), body.height() - footerH));
        detailBody(v, t, body.width() - scrollbar, true);
        endTouchScroll();
        if (status != nullptr) {
            detail::moveTo(ImVec2(body.min.x, body.max.y - footerH + m.gap));
            wrappedText(f.bodyBold, *status, statusColour, body.width());
        }
        detail::moveTo(ImVec2(body.min.x, body.max.y - backH));
        const float w = v.printerAvailable ? (body.width() - m.gap) * 0.5f : body.width();
        if (touchButton("back", t.get("guidance.home.back"), ImVec2(w, backH), ButtonKind::Primary, true, f.title)) {
            event = act::Back{};
        }
        if (v.printerAvailable) {
            ImGui::SameLine(0.0f, m.gap);
            if (printButton(v, t, ImVec2(w, backH))) {
                event = act::PrintGuide{};
            }
        }
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
