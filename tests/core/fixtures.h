#pragma once
#include "procfs/zoneinfo.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string test_data(const std::string& name) { return std::string(RS_TEST_DATA) + "/" + name; }

inline rs::Zoneinfo parse_fixture(const std::string& name) {
    const std::string text = read_text_file(test_data(name));
    auto zi = rs::parse_zoneinfo(text, name);
    if (!zi) throw std::runtime_error(zi.error());
    return zi.value();
}
