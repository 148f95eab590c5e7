#pragma once
// Demo data for kiosk-refbackend: realistic dossiers of a province (agency codes in the H56 style),
// with dates computed from `now` so that "on time" and "overdue" stay true whenever it is seeded.

#include <chrono>
#include <string>
#include <vector>

namespace refbackend {

struct SeedDossier {
    std::string code;
    int status = 0;
    bool overdue = false;
    std::string json;  ///< the contract's dossier JSON
};

struct SeedToken {
    std::string token;
    std::string code;
};

/// @return at least 40 dossiers: every status 1..10 on time and overdue, missing documents, fees,
///         long names and histories. Codes are stable from one seeding to the next.
std::vector<SeedDossier> makeSeedDossiers(std::chrono::sys_seconds now);

/// @return receipt tokens for some of the seeded dossiers
std::vector<SeedToken> makeSeedTokens(const std::vector<SeedDossier>& dossiers);

}  // namespace refbackend
