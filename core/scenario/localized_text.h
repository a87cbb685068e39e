#pragma once
// A scenario text (its title, its explanation) in English and, optionally, in Chinese: the file
// writes either "text" or {"en": "text", "zh_CN": "文本"} (docs/scenario-format.md).
#include <array>
#include <string>
#include <string_view>

namespace rs {

// The languages a scenario text may have, as the object form's keys: English first (required,
// the fallback), then the translations. The loader, its messages and the tests use this list.
inline constexpr std::array<std::string_view, 2> kTextLanguages{"en", "zh_CN"};

struct LocalizedText {
    std::string en;    // always there (may be empty only for an explanation)
    std::string zh_CN; // empty: not translated

    // The text for a language code as Qt names it (QLocale::name(): "zh_CN"; "zh-CN" as in
    // QLocale::uiLanguages() too). Any other language, or a missing translation, gives English.
    const std::string& in(std::string_view lang) const;
    // The text of one of kTextLanguages, by its key; nullptr for any other key.
    std::string* field(std::string_view key);
};

} // namespace rs
