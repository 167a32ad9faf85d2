// Compiled only so that the build makes a provider's precompiled headers (-fPIC) that the sources
// of libraries reuse (Pch.cmake).
namespace tessera::pch {
int pchLibraryAnchor = 0;
} // namespace tessera::pch
