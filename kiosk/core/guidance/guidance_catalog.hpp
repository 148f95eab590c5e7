#pragma once
// The online-services guidance catalog: what a citizen needs to know to do a procedure online
// (national public service portal or the province's portal), in Vietnamese and English.
//
// Format: docs/guidance-format.md. Parsing is pure (text in, model out); a broken entry is reported
// as a CatalogIssue naming file, entry and field, and left out while the rest loads. Only a broken
// catalog header (not JSON, wrong format number, bad categories) fails the whole document.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/i18n/language.hpp"

namespace kiosk::core::guidance {

/// The catalog format this code reads. A document with another "format" number is rejected whole.
inline constexpr int kCatalogFormat = 1;

/// Display language of the guidance content: the kiosk's one Language (kiosk/core/i18n/language.hpp).
using Language = core::Language;

/// One text in both languages. Both are required, non-empty, valid UTF-8 and stored in NFC.
struct LocalizedText {
    std::string vi;
    std::string en;

    /// @return the text in `lang`.
    [[nodiscard]] const std::string& in(Language lang) const { return lang == Language::Vi ? vi : en; }
    [[nodiscard]] bool empty() const { return vi.empty() && en.empty(); }
};

/// A list (steps, documents) in both languages; both lists have the same number of items, item i of
/// one being the translation of item i of the other.
struct LocalizedList {
    std::vector<std::string> vi;
    std::vector<std::string> en;

    /// @return the items in `lang`.
    [[nodiscard]] const std::vector<std::string>& in(Language lang) const { return lang == Language::Vi ? vi : en; }
    [[nodiscard]] std::size_t size() const { return vi.size(); }
    [[nodiscard]] bool empty() const { return vi.empty(); }
};

/// A category / life event shown as a tile on the guidance home screen.
struct Category {
    std::string id;      ///< [a-z0-9-], unique in the catalog
    LocalizedText name;  ///< tile caption
    std::string icon;    ///< optional icon name for the UI (may be empty)
};

/// A procedure (thủ tục) or a general guide (VNeID account, paying fees, following a dossier).
enum class EntryKind { Procedure, Guide };

/// How much of a procedure can be done online (the national portal's "toàn trình" / "một phần").
enum class OnlineLevel {
    Full,     ///< submit, pay and receive the result without visiting an office
    Partial,  ///< submit online, but something (original papers, signing, the result) needs a visit
};

/// One catalog entry. Procedure entries carry every field; guide entries leave the procedure-only
/// fields (who, documents, fees, payment, processingTime, result) empty. See docs/guidance-format.md.
struct GuidanceEntry {
    std::string id;                 ///< [a-z0-9-], 2..64 characters, unique in the catalog
    EntryKind kind = EntryKind::Procedure;
    std::string category;           ///< id of a Category of the same catalog
    LocalizedText title;
    LocalizedText summary;          ///< what it is for
    LocalizedText who;              ///< who can use it (procedures)
    OnlineLevel online = OnlineLevel::Full;
    LocalizedText onlineNote;       ///< what cannot be done online (required when online is Partial)
    LocalizedText login;            ///< how to log in (VNeID level 2 account)
    LocalizedList steps;            ///< short numbered steps on the portal; never empty
    LocalizedList documents;        ///< papers to prepare (procedures: never empty)
    LocalizedText fees;             ///< fees, saying where they vary by locality (procedures)
    LocalizedText payment;          ///< how to pay online (procedures)
    LocalizedText processingTime;   ///< usual processing time (procedures)
    LocalizedText result;           ///< how the result is delivered (procedures)
    std::string url;                ///< https:// address of the service page (QR code and text)
    std::vector<std::string> keywords;  ///< synonyms for search, any language
    LocalizedText notes;            ///< optional extra advice (may be empty)
};

/// A loaded catalog: header plus the entries that passed validation, in document order.
struct GuidanceCatalog {
    std::int64_t version = 0;  ///< content revision; a higher number is newer (e.g. 2026112801)
    std::string etag;          ///< HTTP ETag when the catalog came from the backend (not part of the JSON)
    std::string source;        ///< where it was loaded from, for staff and logs ("bundled", a path, a URL)
    std::vector<Category> categories;
    std::vector<GuidanceEntry> entries;

    /// @return the entry with `id`, or nullptr.
    [[nodiscard]] const GuidanceEntry* find(std::string_view id) const;
    /// @return the category with `id`, or nullptr.
    [[nodiscard]] const Category* findCategory(std::string_view id) const;
    /// @return the entries of category `categoryId`, in catalog order.
    [[nodiscard]] std::vector<const GuidanceEntry*> entriesIn(std::string_view categoryId) const;
};

/// A problem found while loading: which file, which entry (its id, or "#N" by position when the id
/// itself is unusable), which field, and what is wrong. The entry it names was left out.
struct CatalogIssue {
    std::string file;     ///< file name as given to the parser ("catalog.json", "entries/x.json")
    std::string entry;    ///< entry id or "#N" (0-based position in "entries"); empty for the header
    std::string field;    ///< JSON path inside the entry or header ("steps.en[2]", "categories[1].id")
    std::string message;  ///< what is wrong, in English, for staff and logs

    /// @return one line: `file: entry 'id': field 'steps.en': message`.
    [[nodiscard]] std::string text() const;
};

/// Result of a load: the valid part of the catalog plus every problem found.
struct LoadedCatalog {
    GuidanceCatalog catalog;
    std::vector<CatalogIssue> issues;  ///< empty when every entry was valid
};

/// Reads an entry file referenced from the catalog document ("entries": ["entries/x.json"]).
/// @param name the reference exactly as written in the document.
/// @return the file's text, or an error (missing file, unreadable...).
using EntryFileReader = std::function<Result<std::string>(std::string_view name)>;

/// Parses and validates a catalog document.
///
/// Elements of "entries" are entry objects (the backend's single-document form) or strings naming
/// an entry file (the bundled form), which `readEntryFile` resolves; without a reader, file
/// references are issues. Invalid entries are left out and reported in LoadedCatalog::issues.
/// @param text the catalog document (JSON).
/// @param fileName name used in messages ("guidance/catalog.json", "backend").
/// @param readEntryFile resolves file references; may be empty.
/// @return the catalog, or an error when the document itself is unusable (not JSON, not an object,
///         unsupported "format", bad "version" or "categories").
Result<LoadedCatalog> parseCatalog(std::string_view text, std::string_view fileName,
                                   const EntryFileReader& readEntryFile = {});

/// Loads a catalog from disk: `path` is the catalog document (e.g. assets/guidance/catalog.json)
/// or the folder holding catalog.json. Entry file references resolve relative to the document's
/// folder and may not leave it. The only function of this module that touches the file system.
/// @return as parseCatalog; ErrorKind::Io when the catalog document cannot be read.
Result<LoadedCatalog> loadCatalog(const std::filesystem::path& path);

/// Which catalog to show, and why (for the staff log).
struct CatalogChoice {
    bool useBackend = false;
    std::string reason;
};

/// Decides whether the backend's catalog replaces the bundled one. Pure.
///
/// The backend's wins when it loaded without a single issue, has at least one entry, and its
/// version is higher than the bundled one's (or the bundled catalog has no entries at all). A
/// partly broken backend catalog never replaces a working bundled one: the bundled catalog always
/// works offline.
/// @param bundled the catalog shipped in assets/.
/// @param fromBackend the backend's catalog, or std::nullopt when there is none (offline, 304...).
CatalogChoice chooseCatalog(const LoadedCatalog& bundled, const std::optional<LoadedCatalog>& fromBackend);

/// Serialises one entry back to the catalog format (an entry object, keys as in the format; empty
/// optional fields are left out). Used by `kiosk guidance show` and by tests for round trips.
/// @return one line of JSON, UTF-8, not ASCII-escaped.
std::string toJson(const GuidanceEntry& entry);

/// Stable lower-case names used in the JSON format.
std::string_view toString(EntryKind kind);
std::string_view toString(OnlineLevel level);

}  // namespace kiosk::core::guidance
