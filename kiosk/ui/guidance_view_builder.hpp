#pragma once
// Fills the guidance pages' views from the catalog: picks the citizen's language, names categories,
// labels how far a procedure is online, runs the search. Presentation only; the screens draw the
// views and the app keeps what the citizen chose (category, typed query) in its session.

#include <cstddef>
#include <string_view>

#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/guidance/guidance_library.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

/// One list row: title and "category · online level" (or "General guide").
/// @param catalog the catalog holding `entry` (for the category name)
GuideRow buildGuideRow(const core::guidance::GuidanceEntry& entry, const core::guidance::GuidanceCatalog& catalog,
                       const Chrome& chrome);

/// The home page: an "All" tile, then the categories that have entries; the entries of `categoryId`
/// (all entries, in catalog order, when it is empty or unknown).
/// @param chrome texts and switches (chrome.text must be set)
GuidanceHomeView buildGuidanceHomeView(const core::guidance::GuidanceLibrary& library, const Chrome& chrome,
                                       std::string_view categoryId);

/// The search page for `query` as typed: the library's hits, best first, at most `limit`.
GuidanceSearchView buildGuidanceSearchView(const core::guidance::GuidanceLibrary& library, const Chrome& chrome,
                                           std::string_view query, std::size_t limit = 30);

/// The detail page of `entry`.
/// @param catalog the catalog holding `entry` (for the category name)
/// @param printer a printer is configured and ready (the Print guidance button is shown)
/// @param print   where printing this guidance stands
GuidanceDetailView buildGuidanceDetailView(const core::guidance::GuidanceEntry& entry,
                                           const core::guidance::GuidanceCatalog& catalog, const Chrome& chrome,
                                           bool printer, PrintProgress print);

}  // namespace kiosk::ui
