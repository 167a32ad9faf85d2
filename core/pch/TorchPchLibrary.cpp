// Compiled only so that the build makes the precompiled LibTorch headers (-fPIC) that the torch
// sources of the core libraries reuse (TorchPch.cmake).
namespace tessera::pch {
int torchPchLibraryAnchor = 0;
} // namespace tessera::pch
