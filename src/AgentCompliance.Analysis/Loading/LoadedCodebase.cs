using Microsoft.CodeAnalysis;

namespace AgentCompliance.Analysis.Loading;

/// <summary>The analysed code as Roslyn compilations; nothing in it was built or run.</summary>
/// <param name="RootDirectory">Absolute directory that report paths are relative to.</param>
/// <param name="Mode">How it was loaded (MSBuild falls back to <see cref="LoadMode.Folder"/> with a warning).</param>
/// <param name="Compilations">One per project (one in folder mode); a file shared by several is analysed once.</param>
/// <param name="Warnings">Problems that did not stop loading.</param>
public sealed record LoadedCodebase(
    string RootDirectory,
    LoadMode Mode,
    IReadOnlyList<Compilation> Compilations,
    IReadOnlyList<string> Warnings);
