#pragma once
// What the guidance screens and the guidance slip hold: one catalog and its search index, kept
// together so the index can never refer to another catalog's entries.
//
// Typical use (app layer):
//   auto bundled = guidance::loadCatalog(assetsDir / "guidance");          // log bundled->issues
//   auto choice  = guidance::chooseCatalog(*bundled, backendCatalog);       // log choice.reason
//   guidance::GuidanceLibrary library(choice.useBackend ? backend->catalog : bundled->catalog);
//   library.search(typedText)  -> entries to list;  library.find(id) -> detail screen / slip.

#include <cstddef>
#include <string_view>
#include <vector>

#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/guidance/guidance_search.hpp"

namespace kiosk::core::guidance {

class GuidanceLibrary {
public:
    /// An empty library: the screens show "guidance is not available".
    GuidanceLibrary() = default;
    /// Takes the catalog and indexes it once (a few milliseconds for the bundled catalog).
    explicit GuidanceLibrary(GuidanceCatalog catalog);

    [[nodiscard]] const GuidanceCatalog& catalog() const { return m_catalog; }
    /// @return true when there is nothing to show.
    [[nodiscard]] bool empty() const { return m_catalog.entries.empty(); }

    /// @return the entry with `id`, or nullptr (unknown id, e.g. a stale slip command).
    [[nodiscard]] const GuidanceEntry* find(std::string_view id) const { return m_catalog.find(id); }

    /// Search as the citizen types (see GuidanceSearchIndex::search). Cheap enough for every frame.
    /// @return matching entries, best first; pointers stay valid as long as the library lives.
    [[nodiscard]] std::vector<const GuidanceEntry*> search(std::string_view query, std::size_t limit = 50) const;

    /// @return the categories that have at least one entry, in catalog order: the home screen tiles.
    [[nodiscard]] std::vector<const Category*> categoriesWithEntries() const;

    /// @return the entries of `categoryId`, in catalog order.
    [[nodiscard]] std::vector<const GuidanceEntry*> entriesIn(std::string_view categoryId) const {
        return m_catalog.entriesIn(categoryId);
    }

private:
    GuidanceCatalog m_catalog;
    GuidanceSearchIndex m_index;  // built from m_catalog; hits refer to m_catalog.entries by position
};

}  // namespace kiosk::core::guidance
