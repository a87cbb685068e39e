#pragma once
// Address spaces (a file's page cache, a process's anonymous memory) and processes: what
// struct address_space, struct mm_struct and struct task_struct hold for reclaim.
#include "mm/page_frames.h"
#include "util/huge_vector.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs {

// Page-cache and anonymous slots hold a frame, nothing, or a token for a page that is not
// resident: a shadow entry (file) or a swap entry (anon). Tokens have the top bit set.
inline constexpr std::uint32_t kTokenBit = 0x80000000u;
inline bool is_resident(std::uint32_t e) { return !(e & kTokenBit); }
inline bool is_token(std::uint32_t e) { return e != kNoFrame && (e & kTokenBit); }

// A file's page cache, or a process's anonymous memory: one slot per page offset.
struct AddressSpace {
    std::string name;
    bool anon = false;
    int owner_pid = -1; // anon: the process
    huge_vector<std::uint32_t> pages;
    std::uint64_t nr_resident = 0;
    std::uint64_t nr_nonresident = 0; // shadow or swap entries
    // fork(): a child's anonymous memory shares its pages and swap entries with the parent's
    // until written (we model read-only sharing). All of a family hang off one root, as
    // anon_vmas chain to the root's: the rmap of page `index` is that slot in each of them.
    int anon_vma_root = -1;        // a fork: the root's space; -1: this is a root
    std::vector<std::uint32_t> forks; // the root: every fork of the family
};

// The address spaces whose PTEs can map page `index` of anonymous `space` (rmap_walk_anon()):
// the family's root and its forks. `fn(AddressSpace&, std::uint32_t space)`.
template <class Spaces, class Fn> void for_each_anon_mapper(Spaces& spaces, std::uint32_t space, Fn&& fn) {
    const auto& as = spaces[space];
    const auto root = as.anon_vma_root >= 0 ? static_cast<std::uint32_t>(as.anon_vma_root) : space;
    fn(spaces[root], root);
    for (const std::uint32_t c : spaces[root].forks) fn(spaces[c], c);
}

// A process, for the fault path and the OOM killer: its anonymous memory, its mlock()ed range,
// its badness adjustment.
struct Process {
    int pid = 0;
    std::string comm;
    int anon_space = -1;
    bool alive = true;
    int oom_score_adj = 0;
    std::uint64_t swapents = 0; // MM_SWAPENTS
    bool oom_origin = false;    // set_current_oom_origin(): swapoff, the OOM killer's first pick
    bool exited = false;        // exit(): not alive, and not by the OOM killer
    int nid = 0;                // the node of its CPU: where its faults allocate first
    std::uint64_t locked_pages = 0; // mlock(): the first pages of the anonymous region (VM_LOCKED)
};

} // namespace rs
