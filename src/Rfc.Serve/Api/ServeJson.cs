using System.Text.Json.Serialization;

namespace Rfc.Serve.Api;

/// <summary>Source-generated JSON for the API: no reflection, so NativeAOT needs nothing at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiRfc))]
[JsonSerializable(typeof(ApiSearch))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class ServeJson : JsonSerializerContext;
