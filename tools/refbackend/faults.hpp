#pragma once
// Fault injection of kiosk-refbackend: the grammar of --fault and X-Fault, and how a fault spoils an
// answer. Faults exist for tests (the kiosk's error handling, `kiosk check-backend`'s verdicts); the
// server honours them only when started with --allow-faults.

#include <httplib.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace refbackend {

/// The grammar, for --help.
extern const char* const kFaultHelp;

struct Fault {
    std::string spec;  ///< as written, e.g. "latency=500,wrongtypes" (sent back in X-Refbackend-Fault)
    int latencyMs = 0;
    int dripBps = 0;
    bool reset = false;
    int status = 0;
    bool malformed = false;
    bool wrongTypes = false;
    std::size_t oversize = 0;
    std::string contentType;
    std::vector<std::string> drop;  ///< fields removed from the JSON body ("procedure", "procedure.name")
    bool noEtag = false;            ///< no ETag header, and If-None-Match is ignored
    bool nfd = false;               ///< every string of the JSON body decomposed (Unicode NFD)

    [[nodiscard]] bool any() const;
};

/// A --fault: the fault, limited to requests whose path starts with `pathPrefix` and/or that name the
/// dossier code or token `code`.
struct ScopedFault {
    std::string pathPrefix;
    std::string code;
    Fault fault;
};

/// Parses "FAULT(,FAULT)*" into `f`.
/// @return false with `error` set on an unknown fault or a bad number
bool parseFaultList(std::string_view list, Fault& f, std::string& error);

/// Parses "[path=PREFIX:|code=CODE:]FAULT(,FAULT)*".
bool parseScopedFault(const std::string& spec, ScopedFault& out, std::string& error);

/// The magic dossier codes 000.00.00.Z99-000000-NNNN: the fault list for NNNN, or "" when none.
std::string magicCodeFault(std::string_view code);

/// Sends `body` with `status` as JSON, spoiled by `f` (which may be empty: then it is sent as is).
void applyAndSend(httplib::Response& res, int status, std::string body, const Fault& f);

}  // namespace refbackend
