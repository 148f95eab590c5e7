#pragma once
// Search over the guidance catalog, fast enough to run on every frame while the citizen types.
//
// Matching is done on folded text (text::foldForSearch: no diacritics, lower case, đ -> d), so
// "ly lich tu phap" finds "Lý lịch tư pháp". Every query word must match a word of the entry:
// exactly, as a prefix (the last word only, while it is being typed), or with one typo (words of
// five letters or more; Damerau-Levenshtein distance 1). Title matches rank before keyword matches,
// which rank before matches in the body (summary, who, steps, documents). Everything that does not
// depend on the query is folded once, when the index is built.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/guidance/guidance_catalog.hpp"

namespace kiosk::core::guidance {

/// Where the weakest query word of a hit matched; lower is better.
enum class MatchTier { Title = 0, Keyword = 1, Body = 2 };

/// One search result.
struct SearchHit {
    std::size_t entryIndex = 0;  ///< index into GuidanceCatalog::entries of the indexed catalog
    MatchTier tier = MatchTier::Body;
    int typos = 0;              ///< query words matched only with one typo
    int prefixes = 0;           ///< query words matched only as a prefix (the last word)
    bool phrase = false;        ///< the whole folded query appears as-is in a title
};

/// Precomputed search data for one catalog. Keep the catalog alive and unchanged while the index is
/// used: hits refer to entries by position.
class GuidanceSearchIndex {
public:
    GuidanceSearchIndex() = default;
    /// Folds and splits every searchable field of `catalog` once.
    explicit GuidanceSearchIndex(const GuidanceCatalog& catalog);

    /// @param query what the citizen typed, any case, with or without diacritics. A trailing space
    ///        means the last word is complete (no prefix matching for it). Only the first 12 words
    ///        count.
    /// @param limit at most this many hits.
    /// @return hits, best first; empty for an empty or all-punctuation query.
    [[nodiscard]] std::vector<SearchHit> search(std::string_view query, std::size_t limit = 50) const;

    /// @return number of indexed entries.
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    struct Word {
        std::string text;
        MatchTier tier;  ///< best tier this word occurs in for the entry
    };
    struct IndexedEntry {
        std::vector<Word> words;           ///< unique folded words of the entry
        std::vector<std::string> titles;   ///< folded titles (vi, en), " "-padded for phrase checks
        std::vector<std::string> texts;    ///< folded keywords and body sentences, " "-padded (phrases)
        std::size_t titleWords = 0;        ///< word count of the Vietnamese title (shorter ranks first)
    };
    std::vector<IndexedEntry> m_entries;  // GuidanceSearchIndex::m_entries, parallel to catalog.entries
};

/// Splits folded text on spaces. Exposed for tests.
std::vector<std::string> splitWords(std::string_view folded);

/// @return true when `a` and `b` are at most one edit apart (insert, delete, substitute, or swap of
///         two adjacent characters). Compares bytes: folded Vietnamese and English are ASCII.
bool withinOneEdit(std::string_view a, std::string_view b);

}  // namespace kiosk::core::guidance
