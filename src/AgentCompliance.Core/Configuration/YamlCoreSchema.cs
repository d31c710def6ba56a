using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Resolves plain (unquoted) YAML scalars by the YAML 1.2 core schema: <c>null</c>/<c>~</c>/empty are null,
/// <c>true</c>/<c>false</c> booleans, <c>8080</c>/<c>0x1F</c>/<c>0o17</c> integers, <c>1.5</c>/<c>.inf</c> floats,
/// anything else text. YAML 1.1 spellings such as <c>yes</c>, <c>on</c> or <c>0777</c> deliberately stay text.
/// </summary>
internal static partial class YamlCoreSchema
{
    public static JValue Resolve(string plain)
    {
        switch (plain)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return JValue.CreateNull();
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
            case ".nan" or ".NaN" or ".NAN":
                return new JValue(double.NaN);
        }

        if (DecimalInteger().IsMatch(plain))
        {
            return IntegerValue(BigInteger.Parse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (OctalInteger().IsMatch(plain))
        {
            var value = BigInteger.Zero;
            foreach (var digit in plain.AsSpan(2))
            {
                value = (value * 8) + (digit - '0');
            }

            return IntegerValue(value);
        }

        if (HexadecimalInteger().IsMatch(plain))
        {
            // The leading zero keeps BigInteger from reading a high first digit as a negative two's complement.
            return IntegerValue(BigInteger.Parse("0" + plain[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (Infinity().IsMatch(plain))
        {
            return new JValue(plain.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity);
        }

        if (Float().IsMatch(plain))
        {
            return new JValue(double.Parse(plain, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return new JValue(plain);
    }

    /// <summary>True for the plain scalars JSON itself allows: true, false, null and JSON numbers.</summary>
    public static bool IsJsonLiteral(string plain) => plain is "true" or "false" or "null" || JsonNumber().IsMatch(plain);

    private static JValue IntegerValue(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? new JValue((long)value) : new JValue(value);

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexadecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$", RegexOptions.CultureInvariant)]
    private static partial Regex Infinity();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
