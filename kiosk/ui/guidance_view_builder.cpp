#include "kiosk/ui/guidance_view_builder.hpp"

#include "kiosk/ui/strings.hpp"

namespace kiosk::ui {

namespace g = core::guidance;

GuideRow buildGuideRow(const g::GuidanceEntry& entry, const g::GuidanceCatalog& catalog, const Chrome& chrome) {
    const Strings& t = *chrome.text;
    const core::Language lang = chrome.language;
    std::string level;
    if (entry.kind == g::EntryKind::Guide) {
        level = t.get("guide_screen.kind_guide");
    } else {
        level = t.get(entry.online == g::OnlineLevel::Full ? "guidance.detail.online_full" : "guidance.detail.online_partial");
    }
    const g::Category* category = catalog.findCategory(entry.category);
    std::string detail = category != nullptr ? category->name.in(lang) + " · " + level : level;
    return GuideRow{entry.id, entry.title.in(lang), std::move(detail)};
}

GuidanceHomeView buildGuidanceHomeView(const g::GuidanceLibrary& library, const Chrome& chrome,
                                       std::string_view categoryId) {
    const Strings& t = *chrome.text;
    const core::Language lang = chrome.language;
    const g::GuidanceCatalog& catalog = library.catalog();
    GuidanceHomeView v;
    v.chrome = chrome;
    v.available = !library.empty();
    v.tiles.push_back(GuideTile{"", t.get("guide_screen.all"), static_cast<int>(catalog.entries.size())});
    const g::Category* chosen = nullptr;
    for (const g::Category* category : library.categoriesWithEntries()) {
        v.tiles.push_back(GuideTile{category->id, category->name.in(lang),
                                    static_cast<int>(library.entriesIn(category->id).size())});
        if (category->id == categoryId) {
            chosen = category;
        }
    }
    if (chosen != nullptr) {
        v.selectedCategory = chosen->id;
        v.listTitle = chosen->name.in(lang);
        for (const g::GuidanceEntry* entry : library.entriesIn(chosen->id)) {
            v.entries.push_back(buildGuideRow(*entry, catalog, chrome));
        }
    } else {  // empty or stale id (the catalog changed under the session): show everything
        v.listTitle = t.get("guide_screen.all_entries");
        for (const g::GuidanceEntry& entry : catalog.entries) {
            v.entries.push_back(buildGuideRow(entry, catalog, chrome));
        }
    }
    return v;
}

GuidanceSearchView buildGuidanceSearchView(const g::GuidanceLibrary& library, const Chrome& chrome,
                                           std::string_view query, std::size_t limit) {
    GuidanceSearchView v;
    v.chrome = chrome;
    v.query = std::string(query);
    for (const g::GuidanceEntry* entry : library.search(query, limit)) {
        v.results.push_back(buildGuideRow(*entry, library.catalog(), chrome));
    }
    return v;
}

GuidanceDetailView buildGuidanceDetailView(const g::GuidanceEntry& entry, const g::GuidanceCatalog& catalog,
                                           const Chrome& chrome, bool printer, PrintProgress print) {
    const core::Language lang = chrome.language;
    GuidanceDetailView v;
    v.chrome = chrome;
    v.id = entry.id;
    v.title = entry.title.in(lang);
    if (const g::Category* category = catalog.findCategory(entry.category)) {
        v.category = category->name.in(lang);
    }
    v.guide = entry.kind == g::EntryKind::Guide;
    v.fullyOnline = entry.online == g::OnlineLevel::Full;
    // Optional fields stay empty when the catalog leaves them out (guides): the screen skips them.
    v.onlineNote = v.fullyOnline ? std::string() : entry.onlineNote.in(lang);
    v.summary = entry.summary.in(lang);
    v.who = entry.who.in(lang);
    v.login = entry.login.in(lang);
    v.steps = entry.steps.in(lang);
    v.documents = entry.documents.in(lang);
    v.fees = entry.fees.in(lang);
    v.payment = entry.payment.in(lang);
    v.processingTime = entry.processingTime.in(lang);
    v.result = entry.result.in(lang);
    v.notes = entry.notes.in(lang);
    v.url = entry.url;
    v.printerAvailable = printer;
    v.print = print;
    return v;
}

}  // namespace kiosk::ui
