// Catalog parsing and validation (docs/guidance-format.md). Every check reports a CatalogIssue and
// carries on, so one document yields every problem at once; an entry with any issue is left out.

#include "kiosk/core/guidance/guidance_catalog.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core::guidance {

namespace {

using nlohmann::json;

// Limits keep a hostile or broken backend document from filling the screen or the slip, and keep
// the URL small enough for a QR code a phone reads easily off thermal paper.
constexpr std::size_t kMaxTextBytes = 4000;
constexpr std::size_t kMaxItemBytes = 1000;
constexpr std::size_t kMaxItems = 20;
constexpr std::size_t kMaxKeywords = 60;
constexpr std::size_t kMaxKeywordBytes = 100;
constexpr std::size_t kMaxUrlBytes = 300;
constexpr std::size_t kMaxIdBytes = 64;

std::string typeName(const json& v) {
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "a list";
    return "an object";
}

bool isValidId(std::string_view id) {
    if (id.size() < 2 || id.size() > kMaxIdBytes) return false;
    if (id.front() == '-' || id.back() == '-') return false;
    char previous = 'x';
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-')) return false;
        previous = c;
    }
    return true;
}

// Collects issues for one entry (or the header) and remembers whether any was raised.
class Checker {
public:
    Checker(std::string_view file, std::string entry, std::vector<CatalogIssue>& issues)
        : m_file(file), m_entry(std::move(entry)), m_issues(issues) {}

    void report(std::string field, std::string message) {
        m_issues.push_back(CatalogIssue{std::string(m_file), m_entry, std::move(field), std::move(message)});
        m_ok = false;
    }
    [[nodiscard]] bool ok() const { return m_ok; }

    // A display string: valid UTF-8, no control characters except line feed, stored in NFC.
    std::optional<std::string> text(const json& v, const std::string& field, std::size_t maxBytes) {
        if (!v.is_string()) {
            report(field, "must be a string, found " + typeName(v));
            return std::nullopt;
        }
        const auto& raw = v.get_ref<const std::string&>();
        for (unsigned char c : raw) {
            if ((c < 0x20 && c != '\n') || c == 0x7f) {
                report(field, "contains a control character");
                return std::nullopt;
            }
        }
        auto nfc = text::toNfc(raw);
        if (!nfc) {  // nlohmann already rejects invalid UTF-8 while parsing; kept as a second guard
            report(field, "is not valid UTF-8");
            return std::nullopt;
        }
        std::string trimmed = trim(*nfc);
        if (trimmed.empty()) {
            report(field, "must not be empty");
            return std::nullopt;
        }
        if (trimmed.size() > maxBytes) {
            report(field, "is too long (" + std::to_string(trimmed.size()) + " bytes, at most " +
                              std::to_string(maxBytes) + ")");
            return std::nullopt;
        }
        return trimmed;
    }

    // {"vi": "...", "en": "..."}; `required` false accepts an absent key (returns empty text).
    LocalizedText localized(const json& entry, const char* key, bool required) {
        LocalizedText out;
        const json* obj = languageObject(entry, key, required, "{\"vi\": ..., \"en\": ...}");
        if (obj == nullptr) return out;
        out.vi = language(*obj, key, "vi", "Vietnamese");
        out.en = language(*obj, key, "en", "English");
        return out;
    }

    // {"vi": [...], "en": [...]} with the same number of non-empty items in both.
    LocalizedList list(const json& entry, const char* key, bool required) {
        LocalizedList out;
        const json* obj = languageObject(entry, key, required, "{\"vi\": [...], \"en\": [...]}");
        if (obj == nullptr) return out;
        bool shapeOk = true;
        out.vi = items(*obj, key, "vi", "Vietnamese", required, shapeOk);
        out.en = items(*obj, key, "en", "English", required, shapeOk);
        if (shapeOk && out.vi.size() != out.en.size()) {
            report(key, "has " + std::to_string(out.vi.size()) + " Vietnamese items but " +
                            std::to_string(out.en.size()) + " English items; each item needs its translation");
        }
        return out;
    }

private:
    /// The {"vi": ..., "en": ...} object under `key`, or nullptr after reporting why (nothing is
    /// reported when the key is absent and not `required`). `shape` shows the expected form.
    const json* languageObject(const json& entry, const char* key, bool required, const char* shape) {
        auto it = entry.find(key);
        if (it == entry.end()) {
            if (required) report(key, "is missing");
            return nullptr;
        }
        if (!it->is_object()) {
            report(key, std::string("must be an object ") + shape + ", found " + typeName(*it));
            return nullptr;
        }
        return &*it;
    }

    static std::string trim(const std::string& s) {
        auto isSpace = [](unsigned char c) { return c == ' ' || c == '\n' || c == '\t'; };
        std::size_t b = 0;
        std::size_t e = s.size();
        while (b < e && isSpace(static_cast<unsigned char>(s[b]))) ++b;
        while (e > b && isSpace(static_cast<unsigned char>(s[e - 1]))) --e;
        return s.substr(b, e - b);
    }

    std::string language(const json& obj, const char* key, const char* lang, const char* langName) {
        std::string field = std::string(key) + "." + lang;
        auto it = obj.find(lang);
        if (it == obj.end()) {
            report(field, std::string("missing ") + langName + " text");
            return {};
        }
        return text(*it, field, kMaxTextBytes).value_or(std::string{});
    }

    std::vector<std::string> items(const json& obj, const char* key, const char* lang, const char* langName,
                                   bool required, bool& shapeOk) {
        std::vector<std::string> out;
        std::string field = std::string(key) + "." + lang;
        auto it = obj.find(lang);
        if (it == obj.end()) {
            report(field, std::string("missing ") + langName + " list");
            shapeOk = false;
            return out;
        }
        if (!it->is_array()) {
            report(field, "must be a list of strings, found " + typeName(*it));
            shapeOk = false;
            return out;
        }
        if (it->empty() && required) {
            report(field, "must not be empty");
            shapeOk = false;
            return out;
        }
        if (it->size() > kMaxItems) {
            report(field, "has " + std::to_string(it->size()) + " items, at most " + std::to_string(kMaxItems));
            shapeOk = false;
            return out;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto t = text((*it)[i], field + "[" + std::to_string(i) + "]", kMaxItemBytes);
            if (t) out.push_back(std::move(*t));
            else shapeOk = false;
        }
        return out;
    }

    std::string_view m_file;
    std::string m_entry;
    std::vector<CatalogIssue>& m_issues;
    bool m_ok = true;
};

// https:// URL with a host, printable ASCII only (a QR code and a phone must read it unchanged).
std::optional<std::string> checkUrl(const json& v, Checker& check) {
    auto it = v.find("url");
    if (it == v.end()) {
        check.report("url", "is missing");
        return std::nullopt;
    }
    if (!it->is_string()) {
        check.report("url", "must be a string, found " + typeName(*it));
        return std::nullopt;
    }
    const auto& url = it->get_ref<const std::string&>();
    constexpr std::string_view kScheme = "https://";
    if (!url.starts_with(kScheme)) {
        check.report("url", "must start with https://");
        return std::nullopt;
    }
    if (url.size() > kMaxUrlBytes) {
        check.report("url", "is too long for a QR code (" + std::to_string(url.size()) + " bytes, at most " +
                                std::to_string(kMaxUrlBytes) + ")");
        return std::nullopt;
    }
    for (unsigned char c : url) {
        if (c <= 0x20 || c >= 0x7f) {
            check.report("url", "must be printable ASCII without spaces (percent-encode other characters)");
            return std::nullopt;
        }
    }
    std::string_view rest = std::string_view(url).substr(kScheme.size());
    std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    bool hostOk = !host.empty() && host.find('.') != std::string_view::npos && host.front() != '.' &&
                  host.back() != '.' && host.find('@') == std::string_view::npos;
    for (char c : host) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
              c == ':')) {
            hostOk = false;
        }
    }
    if (!hostOk) {
        check.report("url", "has no valid host name");
        return std::nullopt;
    }
    return url;
}

std::optional<GuidanceEntry> parseEntry(const json& v, std::string_view file, std::size_t position,
                                        const std::set<std::string, std::less<>>& categoryIds,
                                        const std::set<std::string, std::less<>>& seenIds,
                                        std::vector<CatalogIssue>& issues) {
    std::string label = "#" + std::to_string(position);
    if (!v.is_object()) {
        Checker(file, label, issues).report("", "an entry must be an object, found " + typeName(v));
        return std::nullopt;
    }
    // The id names the entry in every later message, so it is checked first.
    GuidanceEntry e;
    auto idIt = v.find("id");
    if (idIt != v.end() && idIt->is_string() && isValidId(idIt->get_ref<const std::string&>())) {
        e.id = idIt->get<std::string>();
        label = e.id;
    }
    Checker check(file, label, issues);
    if (idIt == v.end()) {
        check.report("id", "is missing");
    } else if (!idIt->is_string()) {
        check.report("id", "must be a string, found " + typeName(*idIt));
    } else if (e.id.empty()) {
        check.report("id", "must be 2 to 64 characters a-z, 0-9 and single '-' inside (found \"" +
                               idIt->get<std::string>().substr(0, kMaxIdBytes) + "\")");
    } else if (seenIds.contains(e.id)) {
        check.report("id", "duplicate id: an earlier entry already uses it");
    }

    auto kindIt = v.find("kind");
    if (kindIt == v.end()) {
        check.report("kind", "is missing");
    } else if (*kindIt == "procedure") {
        e.kind = EntryKind::Procedure;
    } else if (*kindIt == "guide") {
        e.kind = EntryKind::Guide;
    } else {
        check.report("kind", "must be \"procedure\" or \"guide\"");
    }
    const bool procedure = e.kind == EntryKind::Procedure;

    auto catIt = v.find("category");
    if (catIt == v.end()) {
        check.report("category", "is missing");
    } else if (!catIt->is_string()) {
        check.report("category", "must be a string, found " + typeName(*catIt));
    } else if (!categoryIds.contains(catIt->get_ref<const std::string&>())) {
        check.report("category", "unknown category \"" + catIt->get<std::string>().substr(0, kMaxIdBytes) + "\"");
    } else {
        e.category = catIt->get<std::string>();
    }

    e.title = check.localized(v, "title", true);
    e.summary = check.localized(v, "summary", true);
    e.who = check.localized(v, "who", procedure);
    e.login = check.localized(v, "login", true);

    auto onlineIt = v.find("online");
    if (onlineIt == v.end()) {
        if (procedure) check.report("online", "is missing");
    } else if (*onlineIt == "full") {
        e.online = OnlineLevel::Full;
    } else if (*onlineIt == "partial") {
        e.online = OnlineLevel::Partial;
    } else {
        check.report("online", "must be \"full\" or \"partial\"");
    }
    e.onlineNote = check.localized(v, "online_note", e.online == OnlineLevel::Partial);

    e.steps = check.list(v, "steps", true);
    e.documents = check.list(v, "documents", procedure);
    e.fees = check.localized(v, "fees", procedure);
    e.payment = check.localized(v, "payment", procedure);
    e.processingTime = check.localized(v, "processing_time", procedure);
    e.result = check.localized(v, "result", procedure);
    e.notes = check.localized(v, "notes", false);
    if (auto url = checkUrl(v, check)) e.url = std::move(*url);

    auto kwIt = v.find("keywords");
    if (kwIt == v.end()) {
        check.report("keywords", "is missing");
    } else if (!kwIt->is_array()) {
        check.report("keywords", "must be a list of strings, found " + typeName(*kwIt));
    } else if (kwIt->empty()) {
        check.report("keywords", "must not be empty");
    } else if (kwIt->size() > kMaxKeywords) {
        check.report("keywords", "has " + std::to_string(kwIt->size()) + " items, at most " +
                                     std::to_string(kMaxKeywords));
    } else {
        for (std::size_t i = 0; i < kwIt->size(); ++i) {
            if (auto k = check.text((*kwIt)[i], "keywords[" + std::to_string(i) + "]", kMaxKeywordBytes)) {
                e.keywords.push_back(std::move(*k));
            }
        }
    }

    if (!check.ok()) return std::nullopt;
    return e;
}

// The header: format, version, categories. Any problem here makes the whole document unusable.
Result<GuidanceCatalog> parseHeader(const json& doc, std::string_view file, std::vector<CatalogIssue>& issues) {
    auto bad = [&](std::string field, std::string message) {
        CatalogIssue issue{std::string(file), "", std::move(field), std::move(message)};
        std::string text = issue.text();
        issues.push_back(std::move(issue));
        return fail(ErrorKind::Parse, std::move(text));
    };
    auto formatIt = doc.find("format");
    if (formatIt == doc.end()) return bad("format", "is missing");
    if (!formatIt->is_number_integer()) return bad("format", "must be an integer, found " + typeName(*formatIt));
    if (formatIt->get<std::int64_t>() != kCatalogFormat) {
        return bad("format", "unsupported format " + std::to_string(formatIt->get<std::int64_t>()) +
                                 " (this kiosk reads format " + std::to_string(kCatalogFormat) + ")");
    }
    GuidanceCatalog catalog;
    auto versionIt = doc.find("version");
    if (versionIt == doc.end()) return bad("version", "is missing");
    if (!versionIt->is_number_integer() || versionIt->get<std::int64_t>() <= 0) {
        return bad("version", "must be a positive integer (e.g. 2026112801)");
    }
    catalog.version = versionIt->get<std::int64_t>();

    auto catsIt = doc.find("categories");
    if (catsIt == doc.end()) return bad("categories", "is missing");
    if (!catsIt->is_array() || catsIt->empty()) return bad("categories", "must be a non-empty list");
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < catsIt->size(); ++i) {
        const json& c = (*catsIt)[i];
        std::string field = "categories[" + std::to_string(i) + "]";
        if (!c.is_object()) return bad(field, "must be an object, found " + typeName(c));
        auto idIt = c.find("id");
        if (idIt == c.end() || !idIt->is_string() || !isValidId(idIt->get_ref<const std::string&>())) {
            return bad(field + ".id", "must be 2 to 64 characters a-z, 0-9 and single '-' inside");
        }
        Category category;
        category.id = idIt->get<std::string>();
        if (!ids.insert(category.id).second) return bad(field + ".id", "duplicate category \"" + category.id + "\"");
        std::vector<CatalogIssue> nameIssues;
        Checker check(file, "", nameIssues);
        category.name = check.localized(c, "name", true);
        if (auto iconIt = c.find("icon"); iconIt != c.end()) {
            if (auto icon = check.text(*iconIt, "icon", kMaxIdBytes)) category.icon = std::move(*icon);
        }
        if (!check.ok()) return bad(field + "." + nameIssues.front().field, nameIssues.front().message);
        catalog.categories.push_back(std::move(category));
    }
    auto entriesIt = doc.find("entries");
    if (entriesIt == doc.end()) return bad("entries", "is missing");
    if (!entriesIt->is_array()) return bad("entries", "must be a list, found " + typeName(*entriesIt));
    return catalog;
}

// Entry file references may not climb out of the catalog folder or be absolute.
bool isSafeReference(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string_view::npos) end = name.size();
        std::string_view part = name.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return name.ends_with(".json");
}

Result<json> parseJson(std::string_view text, std::string_view file) {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {
        // parse_error carries the byte offset staff need to find the mistake; out_of_range comes from
        // a number too large for a double ("1e999"), found by tests/fuzz.
        return fail(ErrorKind::Parse, std::string(file) + ": not valid JSON: " + e.what());
    }
}

}  // namespace

std::string CatalogIssue::text() const {
    std::string out = file + ": ";
    if (!entry.empty()) out += "entry '" + entry + "': ";
    if (!field.empty()) out += "field '" + field + "': ";
    out += message;
    return out;
}

const GuidanceEntry* GuidanceCatalog::find(std::string_view id) const {
    for (const auto& e : entries) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

const Category* GuidanceCatalog::findCategory(std::string_view id) const {
    for (const auto& c : categories) {
        if (c.id == id) return &c;
    }
    return nullptr;
}

std::vector<const GuidanceEntry*> GuidanceCatalog::entriesIn(std::string_view categoryId) const {
    std::vector<const GuidanceEntry*> out;
    for (const auto& e : entries) {
        if (e.category == categoryId) out.push_back(&e);
    }
    return out;
}

Result<LoadedCatalog> parseCatalog(std::string_view text, std::string_view fileName,
                                   const EntryFileReader& readEntryFile) {
    auto doc = parseJson(text, fileName);
    if (!doc) return std::unexpected(doc.error());
    if (!doc->is_object()) {
        return fail(ErrorKind::Parse, std::string(fileName) + ": the catalog must be a JSON object, found " +
                                          typeName(*doc));
    }
    LoadedCatalog loaded;
    auto header = parseHeader(*doc, fileName, loaded.issues);
    if (!header) return std::unexpected(header.error());
    loaded.catalog = std::move(*header);
    loaded.catalog.source = std::string(fileName);

    std::set<std::string, std::less<>> categoryIds;
    for (const auto& c : loaded.catalog.categories) categoryIds.insert(c.id);
    std::set<std::string, std::less<>> seenIds;

    const json& entries = (*doc)["entries"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const json& item = entries[i];
        if (!item.is_string()) {
            if (auto e = parseEntry(item, fileName, i, categoryIds, seenIds, loaded.issues)) {
                seenIds.insert(e->id);
                loaded.catalog.entries.push_back(std::move(*e));
            }
            continue;
        }
        // A file reference: the entry's messages name that file.
        const std::string& ref = item.get_ref<const std::string&>();
        std::string label = "#" + std::to_string(i);
        auto report = [&](std::string message) {
            loaded.issues.push_back(CatalogIssue{std::string(fileName), label, "entries[" + std::to_string(i) + "]",
                                                 std::move(message)});
        };
        if (!readEntryFile) {
            report("file references are not allowed here; embed the entry object");
            continue;
        }
        if (!isSafeReference(ref)) {
            report("\"" + ref.substr(0, 100) + "\" must be a relative path to a .json file inside the catalog folder");
            continue;
        }
        auto fileText = readEntryFile(ref);
        if (!fileText) {
            report("cannot read \"" + ref + "\": " + fileText.error().message);
            continue;
        }
        auto entryDoc = parseJson(*fileText, ref);
        if (!entryDoc) {
            loaded.issues.push_back(CatalogIssue{ref, label, "", entryDoc.error().message.substr(ref.size() + 2)});
            continue;
        }
        if (auto e = parseEntry(*entryDoc, ref, i, categoryIds, seenIds, loaded.issues)) {
            seenIds.insert(e->id);
            loaded.catalog.entries.push_back(std::move(*e));
        }
    }
    return loaded;
}

Result<LoadedCatalog> loadCatalog(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    auto readFile = [](const fs::path& p) -> Result<std::string> {
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) return fail(ErrorKind::Io, "no such file");
        std::ifstream in(p, std::ios::binary);
        if (!in) return fail(ErrorKind::Io, "cannot open");
        std::ostringstream buffer;
        buffer << in.rdbuf();
        if (in.bad()) return fail(ErrorKind::Io, "read error");
        return buffer.str();
    };
    std::error_code ec;
    fs::path document = fs::is_directory(path, ec) ? path / "catalog.json" : path;
    auto text = readFile(document);
    if (!text) {
        return fail(ErrorKind::Io, document.string() + ": cannot read the guidance catalog: " + text.error().message);
    }
    fs::path folder = document.parent_path();
    EntryFileReader reader = [&](std::string_view name) { return readFile(folder / fs::path(name)); };
    auto loaded = parseCatalog(*text, document.string(), reader);
    return loaded;
}

CatalogChoice chooseCatalog(const LoadedCatalog& bundled, const std::optional<LoadedCatalog>& fromBackend) {
    if (!fromBackend) return {false, "no backend catalog; using the bundled one"};
    const LoadedCatalog& backend = *fromBackend;
    if (!backend.issues.empty()) {
        return {false, "backend catalog version " + std::to_string(backend.catalog.version) + " has " +
                           std::to_string(backend.issues.size()) + " issue(s); keeping the bundled one"};
    }
    if (backend.catalog.entries.empty()) return {false, "backend catalog has no entries; keeping the bundled one"};
    if (bundled.catalog.entries.empty()) return {true, "bundled catalog has no entries; using the backend's"};
    if (backend.catalog.version <= bundled.catalog.version) {
        return {false, "backend catalog version " + std::to_string(backend.catalog.version) +
                           " is not newer than the bundled " + std::to_string(bundled.catalog.version)};
    }
    return {true, "backend catalog version " + std::to_string(backend.catalog.version) + " replaces bundled " +
                      std::to_string(bundled.catalog.version)};
}

std::string_view toString(EntryKind kind) { return kind == EntryKind::Guide ? "guide" : "procedure"; }

std::string_view toString(OnlineLevel level) { return level == OnlineLevel::Partial ? "partial" : "full"; }

std::string toJson(const GuidanceEntry& e) {
    auto text = [](const LocalizedText& t) { return json{{"vi", t.vi}, {"en", t.en}}; };
    auto list = [](const LocalizedList& l) { return json{{"vi", l.vi}, {"en", l.en}}; };
    json j;
    j["id"] = e.id;
    j["kind"] = toString(e.kind);
    j["category"] = e.category;
    j["title"] = text(e.title);
    j["summary"] = text(e.summary);
    if (!e.who.empty()) j["who"] = text(e.who);
    j["online"] = toString(e.online);
    if (!e.onlineNote.empty()) j["online_note"] = text(e.onlineNote);
    j["login"] = text(e.login);
    j["steps"] = list(e.steps);
    if (!e.documents.empty()) j["documents"] = list(e.documents);
    if (!e.fees.empty()) j["fees"] = text(e.fees);
    if (!e.payment.empty()) j["payment"] = text(e.payment);
    if (!e.processingTime.empty()) j["processing_time"] = text(e.processingTime);
    if (!e.result.empty()) j["result"] = text(e.result);
    j["url"] = e.url;
    j["keywords"] = e.keywords;
    if (!e.notes.empty()) j["notes"] = text(e.notes);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace kiosk::core::guidance
