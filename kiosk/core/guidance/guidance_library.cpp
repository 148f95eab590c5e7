#include "kiosk/core/guidance/guidance_library.hpp"

#include <utility>

namespace kiosk::core::guidance {

GuidanceLibrary::GuidanceLibrary(GuidanceCatalog catalog) : m_catalog(std::move(catalog)), m_index(m_catalog) {}

std::vector<const GuidanceEntry*> GuidanceLibrary::search(std::string_view query, std::size_t limit) const {
    std::vector<const GuidanceEntry*> out;
    for (const auto& hit : m_index.search(query, limit)) out.push_back(&m_catalog.entries[hit.entryIndex]);
    return out;
}

std::vector<const Category*> GuidanceLibrary::categoriesWithEntries() const {
    std::vector<const Category*> out;
    for (const auto& c : m_catalog.categories) {
        for (const auto& e : m_catalog.entries) {
            if (e.category == c.id) {
                out.push_back(&c);
                break;
            }
        }
    }
    return out;
}

}  // namespace kiosk::core::guidance
