#pragma once
// This machine, read through its /proc files (never written): the host mode's source of
// samples. Qt-free; the window and the headless recorder both read through it.
#include "host/host_sample.h"
#include "util/result.h"

#include <memory>
#include <string>

namespace rs {

struct HostInfo {
    std::string hostname; // /proc/sys/kernel/hostname
    std::string release;  // /proc/sys/kernel/osrelease: "6.18.44"
    std::int64_t page_size = 4096;
    int cpus = 1;
};

class HostSource {
public:
    // Reads the files once (so a machine without them fails here, with the file named) and
    // finds each node's kswapd thread. `root` is "/" on a real machine.
    static Result<std::unique_ptr<HostSource>> open(const std::string& root = "/");

    const HostInfo& info() const { return m_info; }
    const std::vector<ZoneLabel>& zones() const { return m_zones; }

    // Reads the files now. Errors name the file.
    Result<HostTexts> read();
    // The reading as a sample at t_ns, with kswapd's activity since the previous one.
    Result<Sample> sample(const HostTexts& texts, std::int64_t t_ns);

private:
    explicit HostSource(std::string root) : m_root(std::move(root)) {}
    std::string path(std::string_view rel) const { return m_root + std::string(rel); }
    void find_kswapd();

    std::string m_root;
    HostInfo m_info;
    std::vector<ZoneLabel> m_zones;
    std::vector<std::pair<int, int>> m_kswapd; // (node, pid)
    std::unique_ptr<HostTexts> m_before;
};

} // namespace rs
