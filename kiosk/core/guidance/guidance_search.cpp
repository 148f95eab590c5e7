// Guidance search: folded word index built once, linear scan per query (30 entries of a few
// hundred unique words each take microseconds, so no inverted index is needed).

#include "kiosk/core/guidance/guidance_search.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core::guidance {

namespace {

// Typos are tolerated only in words this long: shorter Vietnamese syllables are one edit away from
// too many other syllables ("tu" / "tư" / "từ" all fold to "tu" already).
constexpr std::size_t kTypoMinLength = 5;
// A pasted paragraph must not cost a frame: words past this many are ignored.
constexpr std::size_t kMaxQueryWords = 12;

struct WordMatch {
    bool found = false;
    bool typo = false;
    bool prefix = false;
    MatchTier tier = MatchTier::Body;

    // Fewer typos first, then the better field, then whole words before prefixes.
    [[nodiscard]] auto key() const { return std::tuple(typo, static_cast<int>(tier), prefix); }
};

// How query word `q` matches index word `w`, or nothing. `last` allows prefix matching.
WordMatch matchWord(std::string_view q, std::string_view w, MatchTier tier, bool last) {
    WordMatch m;
    m.tier = tier;
    if (q == w) {
        m.found = true;
        return m;
    }
    if (last && w.size() > q.size() && w.starts_with(q)) {
        m.found = m.prefix = true;
        return m;
    }
    if (q.size() < kTypoMinLength) return m;
    if (withinOneEdit(q, w)) {
        m.found = m.typo = true;
        return m;
    }
    if (last && w.size() > q.size()) {
        // A typo inside the word being typed: compare with w's prefixes of about q's length.
        for (std::size_t n = q.size() - 1; n <= q.size() + 1 && n < w.size(); ++n) {
            if (withinOneEdit(q, w.substr(0, n))) {
                m.found = m.typo = m.prefix = true;
                return m;
            }
        }
    }
    return m;
}

}  // namespace

std::vector<std::string> splitWords(std::string_view folded) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) end = folded.size();
        if (end > start) words.emplace_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool withinOneEdit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;  // equal, or b has one extra character at the end
    if (a.size() == b.size()) {
        // Substitution at i, or adjacent transposition of i and i+1.
        if (a.substr(i + 1) == b.substr(i + 1)) return true;
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
    }
    // b has one character inserted at i.
    return a.substr(i) == b.substr(i + 1);
}

GuidanceSearchIndex::GuidanceSearchIndex(const GuidanceCatalog& catalog) {
    m_entries.reserve(catalog.entries.size());
    for (const auto& e : catalog.entries) {
        IndexedEntry ix;
        std::unordered_map<std::string, MatchTier> best;
        auto add = [&](std::string_view raw, MatchTier tier) {
            const std::string folded = text::foldForSearch(raw);
            if (tier != MatchTier::Title) ix.texts.push_back(" " + folded + " ");
            for (auto& w : splitWords(folded)) {
                auto [it, inserted] = best.try_emplace(std::move(w), tier);
                if (!inserted && tier < it->second) it->second = tier;
            }
        };
        auto addText = [&](const LocalizedText& t, MatchTier tier) {
            add(t.vi, tier);
            add(t.en, tier);
        };
        auto addList = [&](const LocalizedList& l, MatchTier tier) {
            for (const auto& s : l.vi) add(s, tier);
            for (const auto& s : l.en) add(s, tier);
        };
        addText(e.title, MatchTier::Title);
        for (const auto& k : e.keywords) add(k, MatchTier::Keyword);
        if (const Category* c = catalog.findCategory(e.category)) addText(c->name, MatchTier::Keyword);
        addText(e.summary, MatchTier::Body);
        addText(e.who, MatchTier::Body);
        addList(e.steps, MatchTier::Body);
        addList(e.documents, MatchTier::Body);

        ix.words.reserve(best.size());
        for (auto& [w, tier] : best) ix.words.push_back(Word{w, tier});
        // Deterministic order keeps results independent of hash seeds; titles first is just tidy.
        std::sort(ix.words.begin(), ix.words.end(),
                  [](const Word& a, const Word& b) { return std::tie(a.tier, a.text) < std::tie(b.tier, b.text); });
        for (const auto* t : {&e.title.vi, &e.title.en}) ix.titles.push_back(" " + text::foldForSearch(*t) + " ");
        ix.titleWords = splitWords(text::foldForSearch(e.title.vi)).size();
        m_entries.push_back(std::move(ix));
    }
}

std::vector<SearchHit> GuidanceSearchIndex::search(std::string_view query, std::size_t limit) const {
    std::vector<SearchHit> hits;
    const std::string folded = text::foldForSearch(query);
    std::vector<std::string> words = splitWords(folded);
    if (words.empty() || limit == 0) return hits;
    const bool truncated = words.size() > kMaxQueryWords;
    if (truncated) words.resize(kMaxQueryWords);
    // A trailing space (or punctuation) means the citizen finished the last word.
    const bool typingLast = !truncated && !(query.back() == ' ' || query.back() == '\t' || query.back() == '\n');

    for (std::size_t ei = 0; ei < m_entries.size(); ++ei) {
        const IndexedEntry& ix = m_entries[ei];
        SearchHit hit;
        hit.entryIndex = ei;
        hit.tier = MatchTier::Title;
        bool all = true;
        for (std::size_t qi = 0; qi < words.size() && all; ++qi) {
            const bool last = typingLast && qi + 1 == words.size();
            WordMatch bestMatch;
            for (const Word& w : ix.words) {
                WordMatch m = matchWord(words[qi], w.text, w.tier, last);
                if (m.found && (!bestMatch.found || m.key() < bestMatch.key())) bestMatch = m;
                if (bestMatch.found && !bestMatch.typo && !bestMatch.prefix && bestMatch.tier == MatchTier::Title) {
                    break;  // an exact title word cannot be improved on
                }
            }
            if (!bestMatch.found) {
                all = false;
                break;
            }
            hit.typos += bestMatch.typo ? 1 : 0;
            hit.prefixes += bestMatch.prefix ? 1 : 0;
            hit.tier = std::max(hit.tier, bestMatch.tier);
        }
        if (!all) continue;
        const std::string needle = " " + folded + (typingLast ? "" : " ");
        for (const auto& t : ix.titles) hit.phrase = hit.phrase || t.find(needle) != std::string::npos;
        // Several words found only here and there in the body ("quản lý" in one step, "du lịch" in
        // the summary) are not what "ly lich" asks for: in the body, the words must stand together.
        if (words.size() > 1 && hit.tier == MatchTier::Body && hit.typos == 0 &&
            std::none_of(ix.texts.begin(), ix.texts.end(), [&](const std::string& t) { return t.find(needle) != std::string::npos; })) {
            continue;
        }
        hits.push_back(hit);
    }
    auto rank = [this](const SearchHit& h) {
        return std::tuple(h.typos, static_cast<int>(h.tier), h.prefixes, !h.phrase,
                          m_entries[h.entryIndex].titleWords, h.entryIndex);
    };
    std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) { return rank(a) < rank(b); });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace kiosk::core::guidance
