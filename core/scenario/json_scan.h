#pragma once
// A pass over scenario text before the JSON library sees it, for what the library does not
// check or forgets: nesting depth (the library recurses on a deep value when it prints it),
// duplicate keys (the library keeps the last silently), and each number as it was written (the
// library clamps or rounds a number out of its types' range, so a message would quote a value
// the user never wrote).
#include "util/result.h"

#include <map>
#include <string>
#include <string_view>

namespace rs {

inline constexpr int kMaxJsonDepth = 64;

struct JsonScan {
    std::map<std::string, std::string> number_text; // JSON pointer -> the number as written
};

// Fails with "LINE:COLUMN: ..." for a value nested deeper than max_depth and for a key that
// appears twice in one object (naming both places). Syntax errors are left to the JSON parser:
// the scan stops there and returns what it saw.
Result<JsonScan> scan_json(std::string_view text, int max_depth = kMaxJsonDepth);

} // namespace rs
