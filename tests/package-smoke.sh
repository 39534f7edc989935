#!/usr/bin/env bash
# Proves the packages work for someone who has only the .nupkg files: packs the library and the tool into a local
# folder feed, builds a fresh console project (outside the repository) that references NewsParsing by version,
# parses a seed article and checks the result; installs the newsparse tool from the feed and runs it on the seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-smoke.$(date +%s)"
feed="$work/feed"

dotnet pack "$root/src/NewsParsing" -c Release -o "$feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/NewsParsing.Cli" -c Release -o "$feed" -p:Version="$version" --nologo -v q

mkdir -p "$work/app"
cat > "$work/app/nuget.config" <<XML
<configuration>
  <packageSources>
    <add key="local-feed" value="$feed" />
  </packageSources>
</configuration>
XML
cat > "$work/app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NewsParsing" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/app/Program.cs" <<'CS'
var article = NewsParsing.NewsParser.Parse(File.ReadAllText(args[0]));
Console.WriteLine($"{article.PublicationDate:yyyy-MM-dd}|{article.Dateline?.Place}|{article.Agency?.Id}|{article.Body.Paragraphs.Length}");
CS
out="$(cd "$work/app" && dotnet run -v q -- "$root/seeds/003_79742d6c168d962d.txt")"
echo "package consumer printed: $out"
[ "$out" = "2018-03-09|Baku|azertac|7" ] || { echo "unexpected output from the package consumer" >&2; exit 1; }

dotnet tool install newsparse --version "$version" --add-source "$feed" --tool-path "$work/tools" >/dev/null
"$work/tools/newsparse" --version
lines="$("$work/tools/newsparse" parse "$root/seeds" | wc -l)"
[ "$lines" -eq "$(ls "$root"/seeds/*.txt | wc -l)" ] || { echo "the installed tool printed $lines lines" >&2; exit 1; }
# Package completeness: metadata, readme, icon, licence and Source Link in both packages; the tool for .NET 8 and 10,
# English resources only.
mkdir -p "$work/x"
for id in NewsParsing newsparse; do
  nuspec="$(unzip -p "$feed/$id.$version.nupkg" "$id.nuspec")"
  # The commit the package was built from, as its nuspec records it; every PDB must link to the sources at it.
  commit="$(grep -oE 'commit="[0-9a-f]{40}"' <<<"$nuspec" | grep -oE '[0-9a-f]{40}')" \
    || { echo "$id.nuspec records no commit" >&2; exit 1; }
  for want in '<repository type="git" url="https://github.com/' '<projectUrl>https://' '<readme>PACKAGE.md</readme>' \
    '<icon>icon.png</icon>' '<license type="expression">MIT</license>'; do
    grep -qF "$want" <<<"$nuspec" || { echo "$id.nuspec lacks $want" >&2; exit 1; }
  done
  files="$(unzip -Z1 "$feed/$id.$version.nupkg")"
  for want in PACKAGE.md icon.png LICENSE; do
    grep -qx "$want" <<<"$files" || { echo "$id.$version.nupkg lacks $want" >&2; exit 1; }
  done
  unzip -q -o "$feed/$id.$version.snupkg" -d "$work/x/$id"
  pdbs=0
  while IFS= read -r pdb; do
    pdbs=$((pdbs + 1))
    grep -aqF "https://raw.githubusercontent.com/" "$pdb" && grep -aqF "/$commit/" "$pdb" \
      || { echo "no Source Link to commit $commit in $pdb" >&2; exit 1; }
  done < <(find "$work/x/$id" -name '*.pdb')
  [ "$pdbs" -gt 0 ] || { echo "$id.$version.snupkg has no PDB" >&2; exit 1; }
  echo "$id: nuspec complete, $pdbs PDBs with Source Link to $commit"
done
tool_files="$(unzip -Z1 "$feed/newsparse.$version.nupkg")"
for tfm in net8.0 net10.0; do
  grep -qx "tools/$tfm/any/newsparse.dll" <<<"$tool_files" || { echo "the tool package has no $tfm build" >&2; exit 1; }
done
if grep -qE '^tools/[^/]+/any/[a-zA-Z-]+/[^/]+\.resources\.dll$' <<<"$tool_files"; then
  echo "the tool package ships satellite resource assemblies:" >&2
  grep -E '\.resources\.dll$' <<<"$tool_files" >&2
  exit 1
fi

# The tool on .NET 8: a dotnet root holding only the .NET 8 shared framework (from the runtime pack the SDK restores
# for a self-contained net8.0 app, so the SDK picks its version) runs the package's net8.0 build, and refuses the
# net10.0 one, which shows it really is .NET 8.
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid="" ;; esac
if [ -n "$rid" ]; then
  mkdir -p "$work/net8"
  cat > "$work/net8/net8.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net8.0</TargetFramework>
    <RuntimeIdentifier>$rid</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
  </PropertyGroup>
</Project>
XML
  (cd "$work/net8" && dotnet restore -v q >/dev/null)
  runtime_version="$(tr -d ' \r\n' < "$work/net8/obj/project.assets.json" \
    | grep -oE '"name":"Microsoft\.NETCore\.App\.Runtime\.'"$rid"'","version":"\[8\.[0-9.]+' | grep -oE '8\.[0-9.]+$')"
  [ -n "$runtime_version" ] || { echo "no .NET 8 runtime pack was restored" >&2; exit 1; }
  packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: *//')"
  runtime="$packages/microsoft.netcore.app.runtime.$rid/$runtime_version/runtimes/$rid"
  dn8="$work/dotnet8"
  mkdir -p "$dn8/host/fxr/$runtime_version" "$dn8/shared/Microsoft.NETCore.App/$runtime_version"
  cp "$(command -v dotnet | xargs readlink -f)" "$dn8/dotnet"
  cp "$runtime/native/libhostfxr.so" "$dn8/host/fxr/$runtime_version/"
  cp "$runtime"/lib/net8.0/* "$runtime"/native/* "$dn8/shared/Microsoft.NETCore.App/$runtime_version/"
  rm "$dn8/shared/Microsoft.NETCore.App/$runtime_version/libhostfxr.so"
  mkdir -p "$work/tool8"
  unzip -q "$feed/newsparse.$version.nupkg" 'tools/*' -d "$work/tool8"
  echo "the packaged tool on $("$dn8/dotnet" --list-runtimes | head -1)"
  lines8="$("$dn8/dotnet" "$work/tool8/tools/net8.0/any/newsparse.dll" parse "$root/seeds" | wc -l)"
  [ "$lines8" -eq "$(ls "$root"/seeds/*.txt | wc -l)" ] || { echo "the net8.0 tool on .NET 8 printed $lines8 lines" >&2; exit 1; }
  if "$dn8/dotnet" "$work/tool8/tools/net10.0/any/newsparse.dll" --version >/dev/null 2>&1; then
    echo "the .NET 8-only dotnet root ran the net10.0 build: the .NET 8 check proves nothing" >&2
    exit 1
  fi
  echo "the net8.0 tool parsed $lines8 seeds on .NET $runtime_version"
fi
# Package validation against the previous version's API: the next version packed with this one as its baseline
# passes; a baseline that had one more public type (built from a copy of the sources) makes the pack fail, so the
# check is real.
next="$version.1"
dotnet pack "$root/src/NewsParsing" -c Release -o "$work/feed-next" -p:Version="$next" \
  -p:PackageValidationBaselineVersion="$version" -p:RestoreAdditionalProjectSources="$feed" --nologo -v q >/dev/null
echo "package validation against $version: passed"
copy="$work/copy"
mkdir -p "$copy/src"
cp -r "$root/src/NewsParsing" "$copy/src/"
rm -rf "$copy/src/NewsParsing/bin" "$copy/src/NewsParsing/obj"
cp "$root"/Directory.Build.props "$root"/Directory.Build.targets "$root"/Directory.Packages.props "$root"/LICENSE "$root"/.editorconfig "$copy/"
cp -r "$root/build" "$copy/"
[ -f "$root/global.json" ] && cp "$root/global.json" "$copy/"
[ -f "$root/NuGet.config" ] && cp "$root/NuGet.config" "$copy/"
printf 'namespace NewsParsing;\n\n/// <summary>Only in the baseline.</summary>\npublic static class BaselineOnly\n{\n}\n' > "$copy/src/NewsParsing/BaselineOnly.cs"
dotnet pack "$copy/src/NewsParsing" -c Release -o "$work/feed-old" -p:Version="$version-old" -p:EnablePackageValidation=false --nologo -v q >/dev/null
if dotnet pack "$root/src/NewsParsing" -c Release -o "$work/feed-next2" -p:Version="$version.2" \
    -p:PackageValidationBaselineVersion="$version-old" -p:RestoreAdditionalProjectSources="$work/feed-old" --nologo -v q >"$work/validation.txt" 2>&1; then
  echo "package validation did not notice a public type removed since the baseline" >&2; exit 1
fi
grep -q "BaselineOnly" "$work/validation.txt" || { echo "package validation failed for another reason:" >&2; cat "$work/validation.txt" >&2; exit 1; }
echo "package validation against a baseline with a type removed since: refused, as it should be"
echo "package smoke test passed ($version)"
