#include "tools/refbackend/faults.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "kiosk/core/api/api_messages.hpp"

namespace refbackend {
namespace {

using nlohmann::json;

// Swaps the JSON type of every top-level field (string <-> number, array -> string, ...).
std::string wrongTypes(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return R"({"code":42,"status":"4"})";
    for (auto& [key, value] : j.items()) {
        if (value.is_string()) value = 12345;
        else if (value.is_number()) value = "4";
        else if (value.is_array()) value = "not an array";
        else if (value.is_object()) value = json::array({1, 2});
        else if (value.is_boolean()) value = "yes";
    }
    return j.dump();
}

// Removes each dotted path ("procedure.name") that exists.
std::string dropFields(const std::string& body, const std::vector<std::string>& paths) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) return body;
    for (const auto& path : paths) {
        json* node = &j;
        std::string rest = path;
        for (auto dot = rest.find('.'); dot != std::string::npos && node->is_object(); dot = rest.find('.')) {
            const std::string key = rest.substr(0, dot);
            if (!node->contains(key)) break;
            node = &(*node)[key];
            rest = rest.substr(dot + 1);
        }
        if (node->is_object()) node->erase(rest);
    }
    return j.dump();
}

std::string decompose(const std::string& s) {
    utf8proc_uint8_t* out = utf8proc_NFD(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    if (out == nullptr) return s;
    std::string result{reinterpret_cast<const char*>(out)};
    std::free(out);
    return result;
}

void decomposeAll(json& j) {
    if (j.is_string()) j = decompose(j.get<std::string>());
    else if (j.is_structured()) {
        for (auto& element : j) decomposeAll(element);
    }
}

const std::map<std::string, std::string, std::less<>> kMagicCodes = {
    {"0500", "status=500"}, {"0503", "status=503"}, {"0001", "malformed"}, {"0002", "wrongtypes"},
    {"0003", "oversize=2000000"}, {"0004", "contenttype=text/html"}, {"0005", "reset"},
    {"0006", "latency=3000"}, {"0007", "drip=20"}, {"0401", "status=401"}, {"0404", "status=404"},
};

}  // namespace

const char* const kFaultHelp = R"(
Faults (tests only): honoured only with --allow-faults, which also enables the X-Fault request header and
the magic codes below. --fault may be repeated; X-Fault takes the same SPEC without a scope.
  SPEC   := [SCOPE ':'] FAULT (',' FAULT)*
  SCOPE  := 'path=' PREFIX        only requests whose path starts with PREFIX
          | 'code=' DOSSIER_CODE  only requests for that dossier code (or token)
  FAULT  := 'latency=' MS         wait MS milliseconds before answering
          | 'drip=' BPS           send the body at BPS bytes per second (100 ms chunks)
          | 'reset'               send the headers and half the body, then close the connection
          | 'status=' NNN         answer with HTTP status NNN and an error body
          | 'malformed'           cut the JSON body in half
          | 'wrongtypes'          swap the JSON types of every top-level field (string <-> number)
          | 'drop=' FIELD         remove FIELD ("procedure" or "procedure.name") from the JSON body
          | 'nfd'                 decompose every string of the JSON body (Unicode NFD, not NFC)
          | 'noetag'              no ETag header, and If-None-Match is ignored (catalog)
          | 'oversize=' BYTES     pad the JSON body to at least BYTES bytes
          | 'contenttype=' TYPE   answer with Content-Type TYPE
An answer spoiled by a fault carries the header X-Refbackend-Fault: SPEC.
Examples: --fault latency=5000   --fault path=/api/v1/ratings:status=503   --fault code=000.00.06.H56-241002-0001:reset
Magic dossier codes: 000.00.00.Z99-000000-NNNN with NNNN =
  0500 status=500, 0503 status=503, 0001 malformed, 0002 wrongtypes, 0003 oversize=2000000,
  0004 contenttype=text/html, 0005 reset, 0006 latency=3000, 0007 drip=20, 0401 status=401, 0404 status=404
)";

bool Fault::any() const {
    return latencyMs || dripBps || reset || status || malformed || wrongTypes || oversize || !contentType.empty() ||
           !drop.empty() || noEtag || nfd;
}

bool parseFaultList(std::string_view list, Fault& f, std::string& error) {
    f.spec = std::string{list};
    std::size_t pos = 0;
    while (pos <= list.size()) {
        const std::size_t comma = list.find(',', pos);
        const std::string item{list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos)};
        const auto eq = item.find('=');
        const std::string name = item.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
        try {
            if (name == "latency") f.latencyMs = std::stoi(value);
            else if (name == "drip") f.dripBps = std::max(1, std::stoi(value));
            else if (name == "reset") f.reset = true;
            else if (name == "status") f.status = std::stoi(value);
            else if (name == "malformed") f.malformed = true;
            else if (name == "wrongtypes") f.wrongTypes = true;
            else if (name == "oversize") f.oversize = static_cast<std::size_t>(std::stoull(value));
            else if (name == "contenttype" && !value.empty()) f.contentType = value;
            else if (name == "drop" && !value.empty()) f.drop.push_back(value);
            else if (name == "nfd") f.nfd = true;
            else if (name == "noetag") f.noEtag = true;
            else {
                error = "unknown fault '" + item + "'";
                return false;
            }
        } catch (const std::exception&) {
            error = "bad number in fault '" + item + "'";
            return false;
        }
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    if (f.status != 0 && (f.status < 100 || f.status > 599)) {
        error = "status must be 100..599";
        return false;
    }
    return true;
}

bool parseScopedFault(const std::string& spec, ScopedFault& out, std::string& error) {
    std::string rest = spec;
    if (rest.starts_with("path=") || rest.starts_with("code=")) {
        // The scope ends at the first ':' (codes and paths contain none).
        const auto colon = rest.find(':');
        if (colon == std::string::npos) {
            error = "scope without ':' in '" + spec + "'";
            return false;
        }
        const std::string scope = rest.substr(0, colon);
        (scope.starts_with("path=") ? out.pathPrefix : out.code) = scope.substr(5);
        rest = rest.substr(colon + 1);
    }
    return parseFaultList(rest, out.fault, error);
}

std::string magicCodeFault(std::string_view code) {
    constexpr std::string_view magic = "000.00.00.Z99-000000-";
    if (!code.starts_with(magic)) return {};
    const auto it = kMagicCodes.find(code.substr(magic.size()));
    return it == kMagicCodes.end() ? std::string{} : it->second;
}

void applyAndSend(httplib::Response& res, int status, std::string body, const Fault& f) {
    std::string contentType = "application/json; charset=utf-8";
    if (f.any()) res.set_header("X-Refbackend-Fault", f.spec);
    if (f.latencyMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(f.latencyMs));
    if (f.status != 0) {
        status = f.status;
        body = kiosk::core::errorBodyJson(status >= 500 ? "server" : "injected", "injected fault: status " + std::to_string(status));
    }
    if (f.wrongTypes) body = wrongTypes(body);
    if (!f.drop.empty()) body = dropFields(body, f.drop);
    if (f.nfd) {
        json j = json::parse(body, nullptr, false);
        if (!j.is_discarded()) {
            decomposeAll(j);
            body = j.dump();
        }
    }
    if (f.oversize > body.size()) {
        json j = json::parse(body, nullptr, false);
        if (!j.is_object()) j = json::object();
        j["padding"] = std::string(f.oversize - body.size(), 'x');
        body = j.dump();
    }
    if (f.malformed) body = body.substr(0, body.size() / 2);
    if (!f.contentType.empty()) contentType = f.contentType;
    res.status = status;
    if (f.reset) {
        auto shared = std::make_shared<std::string>(std::move(body));
        res.set_content_provider(shared->size() + 64, contentType,
                                 [shared](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                     if (offset == 0) sink.write(shared->data(), shared->size() / 2);
                                     return false;  // abort: httplib closes the connection mid-body
                                 });
        return;
    }
    if (f.dripBps > 0) {
        auto shared = std::make_shared<std::string>(std::move(body));
        const std::size_t chunk = std::max<std::size_t>(1, static_cast<std::size_t>(f.dripBps) / 10);
        res.set_content_provider(shared->size(), contentType,
                                 [shared, chunk](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                     std::this_thread::sleep_for(std::chrono::milliseconds(100));
                                     return sink.write(shared->data() + offset, std::min(chunk, length));
                                 });
        return;
    }
    res.set_content(body, contentType);
}

}  // namespace refbackend
