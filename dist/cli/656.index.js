export const id = 656;
export const ids = [656];
export const modules = {

/***/ 4656:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;
const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, getDefaultSocketTimeout, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(5152);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException: ServiceException$1, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
__webpack_unused_export__ = $Command;
__webpack_unused_export__ = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsJson1_1Protocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultLightsailHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "lightsail",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultLightsailHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "lightsail",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1168.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://lightsail-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://lightsail-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://lightsail.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://lightsail.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class LightsailServiceException extends ServiceException$1 {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.lightsail#LightsailServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, LightsailServiceException.prototype);
    }
}

class AccessDeniedException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#AccessDeniedException";
    name = "AccessDeniedException";
    $fault = "client";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "AccessDeniedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, AccessDeniedException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}
class AccountSetupInProgressException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#AccountSetupInProgressException";
    name = "AccountSetupInProgressException";
    $fault = "client";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "AccountSetupInProgressException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, AccountSetupInProgressException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}
class InvalidInputException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#InvalidInputException";
    name = "InvalidInputException";
    $fault = "client";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "InvalidInputException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidInputException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}
class NotFoundException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#NotFoundException";
    name = "NotFoundException";
    $fault = "client";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "NotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NotFoundException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}
class OperationFailureException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#OperationFailureException";
    name = "OperationFailureException";
    $fault = "client";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "OperationFailureException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, OperationFailureException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}
class RegionSetupInProgressException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#RegionSetupInProgressException";
    name = "RegionSetupInProgressException";
    $fault = "client";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "RegionSetupInProgressException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RegionSetupInProgressException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}
class ServiceException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#ServiceException";
    name = "ServiceException";
    $fault = "server";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "ServiceException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}
class UnauthenticatedException extends LightsailServiceException {
    static shapeId = "com.amazonaws.lightsail#UnauthenticatedException";
    name = "UnauthenticatedException";
    $fault = "client";
    code;
    docs;
    tip;
    constructor(opts) {
        super({
            name: "UnauthenticatedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, UnauthenticatedException.prototype);
        this.code = opts.code;
        this.docs = opts.docs;
        this.tip = opts.tip;
    }
}

const _A = "Alarm";
const _ACTD = "AttachCertificateToDistribution";
const _ACTDR = "AttachCertificateToDistributionRequest";
const _ACTDRt = "AttachCertificateToDistributionResult";
const _AD = "AttachedDisk";
const _ADE = "AccessDeniedException";
const _ADL = "AttachedDiskList";
const _ADM = "AttachedDiskMap";
const _ADR = "AttachDiskRequest";
const _ADRt = "AttachDiskResult";
const _ADt = "AttachDisk";
const _AITLB = "AttachInstancesToLoadBalancer";
const _AITLBR = "AttachInstancesToLoadBalancerRequest";
const _AITLBRt = "AttachInstancesToLoadBalancerResult";
const _AK = "AccessKey";
const _AKL = "AccessKeyList";
const _AKLU = "AccessKeyLastUsed";
const _AL = "AlarmsList";
const _ALBS = "AccountLevelBpaSync";
const _ALBTC = "AttachLoadBalancerTlsCertificate";
const _ALBTCR = "AttachLoadBalancerTlsCertificateRequest";
const _ALBTCRt = "AttachLoadBalancerTlsCertificateResult";
const _AO = "AddOn";
const _AOL = "AddOnList";
const _AOR = "AddOnRequest";
const _AORL = "AddOnRequestList";
const _AR = "AccessRules";
const _ARL = "AccessReceiverList";
const _ASAOR = "AutoSnapshotAddOnRequest";
const _ASD = "AutoSnapshotDetails";
const _ASDL = "AutoSnapshotDetailsList";
const _ASI = "AllocateStaticIp";
const _ASIPE = "AccountSetupInProgressException";
const _ASIR = "AllocateStaticIpRequest";
const _ASIRl = "AllocateStaticIpResult";
const _ASIRt = "AttachStaticIpRequest";
const _ASIRtt = "AttachStaticIpResult";
const _ASIt = "AttachStaticIp";
const _AZ = "AvailabilityZone";
const _AZL = "AvailabilityZoneList";
const _B = "Blueprint";
const _BALC = "BucketAccessLogConfig";
const _BB = "BucketBundle";
const _BBL = "BucketBundleList";
const _BCC = "BucketCorsConfig";
const _BCR = "BucketCorsRule";
const _BCRu = "BucketCorsRules";
const _BL = "BlueprintList";
const _BLu = "BucketList";
const _BLun = "BundleList";
const _BS = "BucketState";
const _Bu = "Bucket";
const _Bun = "Bundle";
const _C = "Certificate";
const _CB = "CacheBehavior";
const _CBAK = "CreateBucketAccessKey";
const _CBAKR = "CreateBucketAccessKeyRequest";
const _CBAKRr = "CreateBucketAccessKeyResult";
const _CBL = "CacheBehaviorList";
const _CBPP = "CacheBehaviorPerPath";
const _CBR = "CreateBucketRequest";
const _CBRr = "CreateBucketResult";
const _CBr = "CreateBucket";
const _CC = "CreateCertificate";
const _CCFS = "CreateCloudFormationStack";
const _CCFSR = "CreateCloudFormationStackRequest";
const _CCFSRr = "CreateCloudFormationStackResult";
const _CCM = "CreateContactMethod";
const _CCMR = "CreateContactMethodRequest";
const _CCMRr = "CreateContactMethodResult";
const _CCR = "CreateCertificateRequest";
const _CCRr = "CreateCertificateResult";
const _CCS = "CreateContainerService";
const _CCSD = "CreateContainerServiceDeployment";
const _CCSDR = "CreateContainerServiceDeploymentRequest";
const _CCSDRr = "CreateContainerServiceDeploymentResult";
const _CCSR = "CreateContainerServiceRequest";
const _CCSRL = "CreateContainerServiceRegistryLogin";
const _CCSRLR = "CreateContainerServiceRegistryLoginRequest";
const _CCSRLRr = "CreateContainerServiceRegistryLoginResult";
const _CCSRr = "CreateContainerServiceResult";
const _CD = "CreateDisk";
const _CDE = "CreateDomainEntry";
const _CDER = "CreateDomainEntryRequest";
const _CDERr = "CreateDomainEntryResult";
const _CDFS = "CreateDiskFromSnapshot";
const _CDFSR = "CreateDiskFromSnapshotRequest";
const _CDFSRr = "CreateDiskFromSnapshotResult";
const _CDR = "CreateDiskRequest";
const _CDRr = "CreateDiskResult";
const _CDRre = "CreateDistributionRequest";
const _CDRrea = "CreateDistributionResult";
const _CDRreat = "CreateDomainRequest";
const _CDRreate = "CreateDomainResult";
const _CDS = "CreateDiskSnapshot";
const _CDSR = "CreateDiskSnapshotRequest";
const _CDSRr = "CreateDiskSnapshotResult";
const _CDr = "CreateDistribution";
const _CDre = "CreateDomain";
const _CE = "CostEstimate";
const _CEo = "CostEstimates";
const _CFSR = "CloudFormationStackRecord";
const _CFSRL = "CloudFormationStackRecordList";
const _CFSRSI = "CloudFormationStackRecordSourceInfo";
const _CFSRSIL = "CloudFormationStackRecordSourceInfoList";
const _CGUISAD = "CreateGUISessionAccessDetails";
const _CGUISADR = "CreateGUISessionAccessDetailsRequest";
const _CGUISADRr = "CreateGUISessionAccessDetailsResult";
const _CI = "ContainerImage";
const _CIFS = "CreateInstancesFromSnapshot";
const _CIFSR = "CreateInstancesFromSnapshotRequest";
const _CIFSRr = "CreateInstancesFromSnapshotResult";
const _CIL = "ContainerImageList";
const _CIPP = "CloseInstancePublicPorts";
const _CIPPR = "CloseInstancePublicPortsRequest";
const _CIPPRl = "CloseInstancePublicPortsResult";
const _CIR = "CreateInstancesRequest";
const _CIRr = "CreateInstancesResult";
const _CIS = "CreateInstanceSnapshot";
const _CISR = "CreateInstanceSnapshotRequest";
const _CISRr = "CreateInstanceSnapshotResult";
const _CIr = "CreateInstances";
const _CKP = "CreateKeyPair";
const _CKPR = "CreateKeyPairRequest";
const _CKPRr = "CreateKeyPairResult";
const _CLB = "CreateLoadBalancer";
const _CLBR = "CreateLoadBalancerRequest";
const _CLBRr = "CreateLoadBalancerResult";
const _CLBTC = "CreateLoadBalancerTlsCertificate";
const _CLBTCR = "CreateLoadBalancerTlsCertificateRequest";
const _CLBTCRr = "CreateLoadBalancerTlsCertificateResult";
const _CM = "ContactMethod";
const _CML = "ContactMethodsList";
const _CMo = "ContainerMap";
const _CO = "CookieObject";
const _CRD = "CreateRelationalDatabase";
const _CRDFS = "CreateRelationalDatabaseFromSnapshot";
const _CRDFSR = "CreateRelationalDatabaseFromSnapshotRequest";
const _CRDFSRr = "CreateRelationalDatabaseFromSnapshotResult";
const _CRDR = "CreateRelationalDatabaseRequest";
const _CRDRr = "CreateRelationalDatabaseResult";
const _CRDS = "CreateRelationalDatabaseSnapshot";
const _CRDSR = "CreateRelationalDatabaseSnapshotRequest";
const _CRDSRr = "CreateRelationalDatabaseSnapshotResult";
const _CS = "CacheSettings";
const _CSA = "CheckSubdomainAvailability";
const _CSAR = "CheckSubdomainAvailabilityRequest";
const _CSARh = "CheckSubdomainAvailabilityResult";
const _CSD = "ContainerServiceDeployment";
const _CSDL = "ContainerServiceDeploymentList";
const _CSDR = "ContainerServiceDeploymentRequest";
const _CSE = "ContainerServiceEndpoint";
const _CSECRIPR = "ContainerServiceECRImagePullerRole";
const _CSECRIPRR = "ContainerServiceECRImagePullerRoleRequest";
const _CSHCC = "ContainerServiceHealthCheckConfig";
const _CSL = "CertificateSummaryList";
const _CSLE = "ContainerServiceLogEvent";
const _CSLEL = "ContainerServiceLogEventList";
const _CSLR = "ContainerServicesListResult";
const _CSLo = "ContainerServiceList";
const _CSMEL = "ContainerServiceMetadataEntryList";
const _CSP = "ContainerServicePower";
const _CSPD = "ContainerServicePublicDomains";
const _CSPL = "ContainerServicePowerList";
const _CSR = "CopySnapshotRequest";
const _CSRL = "ContainerServiceRegistryLogin";
const _CSRo = "CopySnapshotResult";
const _CSRr = "CreateSubdomainRequest";
const _CSRre = "CreateSubdomainResult";
const _CSSD = "ContainerServiceStateDetail";
const _CSe = "CertificateSummary";
const _CSo = "ContainerService";
const _CSop = "CopySnapshot";
const _CSr = "CreateSubdomain";
const _Co = "Container";
const _D = "Disk";
const _DA = "DeleteAlarm";
const _DAO = "DisableAddOn";
const _DAOR = "DisableAddOnRequest";
const _DAORi = "DisableAddOnResult";
const _DAR = "DeleteAlarmRequest";
const _DARe = "DeleteAlarmResult";
const _DAS = "DeleteAutoSnapshot";
const _DASR = "DeleteAutoSnapshotRequest";
const _DASRe = "DeleteAutoSnapshotResult";
const _DB = "DistributionBundle";
const _DBAK = "DeleteBucketAccessKey";
const _DBAKR = "DeleteBucketAccessKeyRequest";
const _DBAKRe = "DeleteBucketAccessKeyResult";
const _DBL = "DistributionBundleList";
const _DBR = "DeleteBucketRequest";
const _DBRe = "DeleteBucketResult";
const _DBe = "DeleteBucket";
const _DC = "DeleteCertificate";
const _DCER = "DistributionCustomErrorResponse";
const _DCERL = "DistributionCustomErrorResponseList";
const _DCFD = "DetachCertificateFromDistribution";
const _DCFDR = "DetachCertificateFromDistributionRequest";
const _DCFDRe = "DetachCertificateFromDistributionResult";
const _DCI = "DeleteContainerImage";
const _DCIR = "DeleteContainerImageRequest";
const _DCIRe = "DeleteContainerImageResult";
const _DCM = "DeleteContactMethod";
const _DCMR = "DeleteContactMethodRequest";
const _DCMRe = "DeleteContactMethodResult";
const _DCR = "DeleteCertificateRequest";
const _DCRe = "DeleteCertificateResult";
const _DCS = "DeleteContainerService";
const _DCSR = "DeleteContainerServiceRequest";
const _DCSRe = "DeleteContainerServiceResult";
const _DD = "DeleteDisk";
const _DDE = "DeleteDomainEntry";
const _DDER = "DeleteDomainEntryRequest";
const _DDERe = "DeleteDomainEntryResult";
const _DDKP = "DownloadDefaultKeyPair";
const _DDKPR = "DownloadDefaultKeyPairRequest";
const _DDKPRo = "DownloadDefaultKeyPairResult";
const _DDR = "DeleteDiskRequest";
const _DDRe = "DeleteDiskResult";
const _DDRel = "DeleteDistributionRequest";
const _DDRele = "DeleteDistributionResult";
const _DDRelet = "DeleteDomainRequest";
const _DDRelete = "DeleteDomainResult";
const _DDRet = "DetachDiskRequest";
const _DDReta = "DetachDiskResult";
const _DDS = "DeleteDiskSnapshot";
const _DDSR = "DeleteDiskSnapshotRequest";
const _DDSRe = "DeleteDiskSnapshotResult";
const _DDe = "DeleteDistribution";
const _DDel = "DeleteDomain";
const _DDet = "DetachDisk";
const _DE = "DomainEntry";
const _DEL = "DomainEntryList";
const _DI = "DestinationInfo";
const _DIFLB = "DetachInstancesFromLoadBalancer";
const _DIFLBR = "DetachInstancesFromLoadBalancerRequest";
const _DIFLBRe = "DetachInstancesFromLoadBalancerResult";
const _DIL = "DiskInfoList";
const _DIR = "DeleteInstanceRequest";
const _DIRe = "DeleteInstanceResult";
const _DIS = "DeleteInstanceSnapshot";
const _DISR = "DeleteInstanceSnapshotRequest";
const _DISRe = "DeleteInstanceSnapshotResult";
const _DIe = "DeleteInstance";
const _DIi = "DiskInfo";
const _DKHK = "DeleteKnownHostKeys";
const _DKHKR = "DeleteKnownHostKeysRequest";
const _DKHKRe = "DeleteKnownHostKeysResult";
const _DKP = "DeleteKeyPair";
const _DKPR = "DeleteKeyPairRequest";
const _DKPRe = "DeleteKeyPairResult";
const _DL = "DiskList";
const _DLB = "DeleteLoadBalancer";
const _DLBR = "DeleteLoadBalancerRequest";
const _DLBRe = "DeleteLoadBalancerResult";
const _DLBTC = "DeleteLoadBalancerTlsCertificate";
const _DLBTCR = "DeleteLoadBalancerTlsCertificateRequest";
const _DLBTCRe = "DeleteLoadBalancerTlsCertificateResult";
const _DLi = "DistributionList";
const _DLo = "DomainList";
const _DM = "DiskMap";
const _DML = "DiskMapList";
const _DRCS = "DnsRecordCreationState";
const _DRD = "DeleteRelationalDatabase";
const _DRDR = "DeleteRelationalDatabaseRequest";
const _DRDRe = "DeleteRelationalDatabaseResult";
const _DRDS = "DeleteRelationalDatabaseSnapshot";
const _DRDSR = "DeleteRelationalDatabaseSnapshotRequest";
const _DRDSRe = "DeleteRelationalDatabaseSnapshotResult";
const _DS = "DiskSnapshot";
const _DSI = "DiskSnapshotInfo";
const _DSIR = "DetachStaticIpRequest";
const _DSIRe = "DetachStaticIpResult";
const _DSIe = "DetachStaticIp";
const _DSL = "DiskSnapshotList";
const _DSR = "DeleteSubdomainRequest";
const _DSRe = "DeleteSubdomainResult";
const _DSe = "DeleteSubdomain";
const _DVR = "DomainValidationRecord";
const _DVRL = "DomainValidationRecordList";
const _Do = "Domain";
const _EA = "EmailAddress";
const _EAO = "EnableAddOn";
const _EAOR = "EnableAddOnRequest";
const _EAORn = "EnableAddOnResult";
const _EBT = "EstimateByTime";
const _EBTs = "EstimatesByTime";
const _ER = "EndpointRequest";
const _ES = "ExportSnapshot";
const _ESR = "ExportSnapshotRecord";
const _ESRL = "ExportSnapshotRecordList";
const _ESRSI = "ExportSnapshotRecordSourceInfo";
const _ESRx = "ExportSnapshotRequest";
const _ESRxp = "ExportSnapshotResult";
const _GA = "GetAlarms";
const _GAN = "GetActiveNames";
const _GANR = "GetActiveNamesRequest";
const _GANRe = "GetActiveNamesResult";
const _GAR = "GetAlarmsRequest";
const _GARe = "GetAlarmsResult";
const _GAS = "GetAutoSnapshots";
const _GASR = "GetAutoSnapshotsRequest";
const _GASRe = "GetAutoSnapshotsResult";
const _GB = "GetBlueprints";
const _GBAK = "GetBucketAccessKeys";
const _GBAKR = "GetBucketAccessKeysRequest";
const _GBAKRe = "GetBucketAccessKeysResult";
const _GBB = "GetBucketBundles";
const _GBBR = "GetBucketBundlesRequest";
const _GBBRe = "GetBucketBundlesResult";
const _GBMD = "GetBucketMetricData";
const _GBMDR = "GetBucketMetricDataRequest";
const _GBMDRe = "GetBucketMetricDataResult";
const _GBR = "GetBlueprintsRequest";
const _GBRe = "GetBlueprintsResult";
const _GBRet = "GetBucketsRequest";
const _GBRetu = "GetBucketsResult";
const _GBRetun = "GetBundlesRequest";
const _GBRetund = "GetBundlesResult";
const _GBe = "GetBuckets";
const _GBet = "GetBundles";
const _GC = "GetCertificates";
const _GCAPIM = "GetContainerAPIMetadata";
const _GCAPIMR = "GetContainerAPIMetadataRequest";
const _GCAPIMRe = "GetContainerAPIMetadataResult";
const _GCE = "GetCostEstimate";
const _GCER = "GetCostEstimateRequest";
const _GCERe = "GetCostEstimateResult";
const _GCFSR = "GetCloudFormationStackRecords";
const _GCFSRR = "GetCloudFormationStackRecordsRequest";
const _GCFSRRe = "GetCloudFormationStackRecordsResult";
const _GCI = "GetContainerImages";
const _GCIR = "GetContainerImagesRequest";
const _GCIRe = "GetContainerImagesResult";
const _GCL = "GetContainerLog";
const _GCLR = "GetContainerLogRequest";
const _GCLRe = "GetContainerLogResult";
const _GCM = "GetContactMethods";
const _GCMR = "GetContactMethodsRequest";
const _GCMRe = "GetContactMethodsResult";
const _GCR = "GetCertificatesRequest";
const _GCRe = "GetCertificatesResult";
const _GCS = "GetContainerServices";
const _GCSD = "GetContainerServiceDeployments";
const _GCSDR = "GetContainerServiceDeploymentsRequest";
const _GCSDRe = "GetContainerServiceDeploymentsResult";
const _GCSMD = "GetContainerServiceMetricData";
const _GCSMDR = "GetContainerServiceMetricDataRequest";
const _GCSMDRe = "GetContainerServiceMetricDataResult";
const _GCSP = "GetContainerServicePowers";
const _GCSPR = "GetContainerServicePowersRequest";
const _GCSPRe = "GetContainerServicePowersResult";
const _GCSR = "GetContainerServicesRequest";
const _GD = "GetDisk";
const _GDB = "GetDistributionBundles";
const _GDBR = "GetDistributionBundlesRequest";
const _GDBRe = "GetDistributionBundlesResult";
const _GDLCR = "GetDistributionLatestCacheReset";
const _GDLCRR = "GetDistributionLatestCacheResetRequest";
const _GDLCRRe = "GetDistributionLatestCacheResetResult";
const _GDMD = "GetDistributionMetricData";
const _GDMDR = "GetDistributionMetricDataRequest";
const _GDMDRe = "GetDistributionMetricDataResult";
const _GDR = "GetDiskRequest";
const _GDRe = "GetDiskResult";
const _GDRet = "GetDisksRequest";
const _GDReti = "GetDisksResult";
const _GDRetis = "GetDistributionsRequest";
const _GDRetist = "GetDistributionsResult";
const _GDReto = "GetDomainRequest";
const _GDRetom = "GetDomainResult";
const _GDRetoma = "GetDomainsRequest";
const _GDRetomai = "GetDomainsResult";
const _GDS = "GetDiskSnapshot";
const _GDSR = "GetDiskSnapshotRequest";
const _GDSRe = "GetDiskSnapshotResult";
const _GDSRet = "GetDiskSnapshotsRequest";
const _GDSReti = "GetDiskSnapshotsResult";
const _GDSe = "GetDiskSnapshots";
const _GDe = "GetDisks";
const _GDet = "GetDistributions";
const _GDeto = "GetDomain";
const _GDetom = "GetDomains";
const _GESR = "GetExportSnapshotRecords";
const _GESRR = "GetExportSnapshotRecordsRequest";
const _GESRRe = "GetExportSnapshotRecordsResult";
const _GI = "GetInstance";
const _GIAD = "GetInstanceAccessDetails";
const _GIADR = "GetInstanceAccessDetailsRequest";
const _GIADRe = "GetInstanceAccessDetailsResult";
const _GIMD = "GetInstanceMetricData";
const _GIMDR = "GetInstanceMetricDataRequest";
const _GIMDRe = "GetInstanceMetricDataResult";
const _GIPS = "GetInstancePortStates";
const _GIPSR = "GetInstancePortStatesRequest";
const _GIPSRe = "GetInstancePortStatesResult";
const _GIR = "GetInstanceRequest";
const _GIRe = "GetInstanceResult";
const _GIRet = "GetInstancesRequest";
const _GIRetn = "GetInstancesResult";
const _GIS = "GetInstanceSnapshot";
const _GISR = "GetInstanceSnapshotRequest";
const _GISRe = "GetInstanceSnapshotResult";
const _GISRet = "GetInstanceSnapshotsRequest";
const _GISRetn = "GetInstanceSnapshotsResult";
const _GISRetns = "GetInstanceStateRequest";
const _GISRetnst = "GetInstanceStateResult";
const _GISe = "GetInstanceSnapshots";
const _GISet = "GetInstanceState";
const _GIe = "GetInstances";
const _GKP = "GetKeyPair";
const _GKPR = "GetKeyPairRequest";
const _GKPRe = "GetKeyPairResult";
const _GKPRet = "GetKeyPairsRequest";
const _GKPRete = "GetKeyPairsResult";
const _GKPe = "GetKeyPairs";
const _GLB = "GetLoadBalancer";
const _GLBMD = "GetLoadBalancerMetricData";
const _GLBMDR = "GetLoadBalancerMetricDataRequest";
const _GLBMDRe = "GetLoadBalancerMetricDataResult";
const _GLBR = "GetLoadBalancerRequest";
const _GLBRe = "GetLoadBalancerResult";
const _GLBRet = "GetLoadBalancersRequest";
const _GLBReto = "GetLoadBalancersResult";
const _GLBTC = "GetLoadBalancerTlsCertificates";
const _GLBTCR = "GetLoadBalancerTlsCertificatesRequest";
const _GLBTCRe = "GetLoadBalancerTlsCertificatesResult";
const _GLBTP = "GetLoadBalancerTlsPolicies";
const _GLBTPR = "GetLoadBalancerTlsPoliciesRequest";
const _GLBTPRe = "GetLoadBalancerTlsPoliciesResult";
const _GLBe = "GetLoadBalancers";
const _GO = "GetOperation";
const _GOFR = "GetOperationsForResource";
const _GOFRR = "GetOperationsForResourceRequest";
const _GOFRRe = "GetOperationsForResourceResult";
const _GOR = "GetOperationRequest";
const _GORe = "GetOperationResult";
const _GORet = "GetOperationsRequest";
const _GORetp = "GetOperationsResult";
const _GOe = "GetOperations";
const _GP = "GetProfile";
const _GPR = "GetProfileRequest";
const _GPRe = "GetProfileResult";
const _GR = "GetRegions";
const _GRD = "GetRelationalDatabase";
const _GRDB = "GetRelationalDatabaseBlueprints";
const _GRDBR = "GetRelationalDatabaseBlueprintsRequest";
const _GRDBRe = "GetRelationalDatabaseBlueprintsResult";
const _GRDBRet = "GetRelationalDatabaseBundlesRequest";
const _GRDBRete = "GetRelationalDatabaseBundlesResult";
const _GRDBe = "GetRelationalDatabaseBundles";
const _GRDE = "GetRelationalDatabaseEvents";
const _GRDER = "GetRelationalDatabaseEventsRequest";
const _GRDERe = "GetRelationalDatabaseEventsResult";
const _GRDLE = "GetRelationalDatabaseLogEvents";
const _GRDLER = "GetRelationalDatabaseLogEventsRequest";
const _GRDLERe = "GetRelationalDatabaseLogEventsResult";
const _GRDLS = "GetRelationalDatabaseLogStreams";
const _GRDLSR = "GetRelationalDatabaseLogStreamsRequest";
const _GRDLSRe = "GetRelationalDatabaseLogStreamsResult";
const _GRDMD = "GetRelationalDatabaseMetricData";
const _GRDMDR = "GetRelationalDatabaseMetricDataRequest";
const _GRDMDRe = "GetRelationalDatabaseMetricDataResult";
const _GRDMUP = "GetRelationalDatabaseMasterUserPassword";
const _GRDMUPR = "GetRelationalDatabaseMasterUserPasswordRequest";
const _GRDMUPRe = "GetRelationalDatabaseMasterUserPasswordResult";
const _GRDP = "GetRelationalDatabaseParameters";
const _GRDPR = "GetRelationalDatabaseParametersRequest";
const _GRDPRe = "GetRelationalDatabaseParametersResult";
const _GRDR = "GetRelationalDatabaseRequest";
const _GRDRe = "GetRelationalDatabaseResult";
const _GRDRet = "GetRelationalDatabasesRequest";
const _GRDRete = "GetRelationalDatabasesResult";
const _GRDS = "GetRelationalDatabaseSnapshot";
const _GRDSR = "GetRelationalDatabaseSnapshotRequest";
const _GRDSRe = "GetRelationalDatabaseSnapshotResult";
const _GRDSRet = "GetRelationalDatabaseSnapshotsRequest";
const _GRDSRete = "GetRelationalDatabaseSnapshotsResult";
const _GRDSe = "GetRelationalDatabaseSnapshots";
const _GRDe = "GetRelationalDatabases";
const _GRR = "GetRegionsRequest";
const _GRRe = "GetRegionsResult";
const _GS = "GetSubdomains";
const _GSH = "GetSetupHistory";
const _GSHR = "GetSetupHistoryRequest";
const _GSHRe = "GetSetupHistoryResult";
const _GSI = "GetStaticIp";
const _GSIR = "GetStaticIpRequest";
const _GSIRe = "GetStaticIpResult";
const _GSIRet = "GetStaticIpsRequest";
const _GSIRett = "GetStaticIpsResult";
const _GSIe = "GetStaticIps";
const _GSR = "GetSubdomainsRequest";
const _GSRe = "GetSubdomainsResult";
const _HKA = "HostKeyAttributes";
const _HKL = "HostKeysList";
const _HO = "HeaderObject";
const _I = "Instance";
const _IAD = "InstanceAccessDetails";
const _IAMAKI = "IAMAccessKeyId";
const _IAU = "InstanceAttributeUpdates";
const _IE = "InstanceEntry";
const _IEL = "InstanceEntryList";
const _IH = "InstanceHardware";
const _IHS = "InstanceHealthStatus";
const _IHSD = "InstanceHealthStatusDetail";
const _IHSDL = "InstanceHealthStatusDetailList";
const _IHSL = "InstanceHealthSummaryList";
const _IHSn = "InstanceHealthSummary";
const _IIE = "InvalidInputException";
const _IKP = "ImportKeyPair";
const _IKPR = "ImportKeyPairRequest";
const _IKPRm = "ImportKeyPairResult";
const _IL = "InstanceList";
const _IMO = "InstanceMetadataOptions";
const _IN = "InstanceNetworking";
const _IO = "InputOrigin";
const _IPI = "InstancePortInfo";
const _IPIL = "InstancePortInfoList";
const _IPS = "InstancePortState";
const _IPSL = "InstancePortStateList";
const _IS = "InstanceSnapshot";
const _ISI = "InstanceSnapshotInfo";
const _ISL = "InstanceSnapshotList";
const _ISn = "InstanceState";
const _IVP = "IsVpcPeered";
const _IVPR = "IsVpcPeeredRequest";
const _IVPRs = "IsVpcPeeredResult";
const _KP = "KeyPair";
const _KPL = "KeyPairList";
const _LB = "LoadBalancer";
const _LBL = "LoadBalancerList";
const _LBTC = "LoadBalancerTlsCertificate";
const _LBTCDRCS = "LoadBalancerTlsCertificateDnsRecordCreationState";
const _LBTCDVO = "LoadBalancerTlsCertificateDomainValidationOption";
const _LBTCDVOL = "LoadBalancerTlsCertificateDomainValidationOptionList";
const _LBTCDVR = "LoadBalancerTlsCertificateDomainValidationRecord";
const _LBTCDVRL = "LoadBalancerTlsCertificateDomainValidationRecordList";
const _LBTCL = "LoadBalancerTlsCertificateList";
const _LBTCRS = "LoadBalancerTlsCertificateRenewalSummary";
const _LBTCS = "LoadBalancerTlsCertificateSummary";
const _LBTCSL = "LoadBalancerTlsCertificateSummaryList";
const _LBTP = "LoadBalancerTlsPolicy";
const _LBTPL = "LoadBalancerTlsPolicyList";
const _LD = "LightsailDistribution";
const _LDS = "LightsailDistributionSubdomain";
const _LE = "LogEvent";
const _LEL = "LogEventList";
const _MD = "MetricDatapoint";
const _MDL = "MetricDatapointList";
const _MRI = "MonitoredResourceInfo";
const _MT = "MonthlyTransfer";
const _NFE = "NotFoundException";
const _NSUS = "NameServersUpdateState";
const _O = "Operation";
const _OFE = "OperationFailureException";
const _OIPP = "OpenInstancePublicPorts";
const _OIPPR = "OpenInstancePublicPortsRequest";
const _OIPPRp = "OpenInstancePublicPortsResult";
const _OL = "OperationList";
const _Or = "Origin";
const _PA = "PutAlarm";
const _PAR = "PutAlarmRequest";
const _PARu = "PutAlarmResult";
const _PD = "PasswordData";
const _PI = "PartnerInfo";
const _PIL = "PortInfoList";
const _PIPP = "PutInstancePublicPorts";
const _PIPPR = "PutInstancePublicPortsRequest";
const _PIPPRu = "PutInstancePublicPortsResult";
const _PIo = "PortInfo";
const _PMA = "PendingMaintenanceAction";
const _PMAL = "PendingMaintenanceActionList";
const _PMRDV = "PendingModifiedRelationalDatabaseValues";
const _PRA = "PrivateRegistryAccess";
const _PRAR = "PrivateRegistryAccessRequest";
const _PV = "PeerVpc";
const _PVR = "PeerVpcRequest";
const _PVRe = "PeerVpcResult";
const _QSO = "QueryStringObject";
const _R = "Region";
const _RBE = "ResourceBudgetEstimate";
const _RBEe = "ResourcesBudgetEstimate";
const _RCI = "RegisterContainerImage";
const _RCIR = "RegisterContainerImageRequest";
const _RCIRe = "RegisterContainerImageResult";
const _RD = "RelationalDatabase";
const _RDB = "RelationalDatabaseBlueprint";
const _RDBL = "RelationalDatabaseBlueprintList";
const _RDBLe = "RelationalDatabaseBundleList";
const _RDBe = "RelationalDatabaseBundle";
const _RDC = "ResetDistributionCache";
const _RDCR = "ResetDistributionCacheRequest";
const _RDCRe = "ResetDistributionCacheResult";
const _RDDI = "RegisteredDomainDelegationInfo";
const _RDE = "RelationalDatabaseEndpoint";
const _RDEL = "RelationalDatabaseEventList";
const _RDEe = "RelationalDatabaseEvent";
const _RDH = "RelationalDatabaseHardware";
const _RDL = "RelationalDatabaseList";
const _RDP = "RelationalDatabaseParameter";
const _RDPL = "RelationalDatabaseParameterList";
const _RDS = "RelationalDatabaseSnapshot";
const _RDSL = "RelationalDatabaseSnapshotList";
const _RHZDS = "R53HostedZoneDeletionState";
const _RI = "RebootInstance";
const _RIR = "RebootInstanceRequest";
const _RIRe = "RebootInstanceResult";
const _RL = "ResourceLocation";
const _RLe = "RegionList";
const _RR = "ResourceRecord";
const _RRA = "ResourceReceivingAccess";
const _RRD = "RebootRelationalDatabase";
const _RRDR = "RebootRelationalDatabaseRequest";
const _RRDRe = "RebootRelationalDatabaseResult";
const _RS = "RenewalSummary";
const _RSI = "ReleaseStaticIp";
const _RSIPE = "RegionSetupInProgressException";
const _RSIR = "ReleaseStaticIpRequest";
const _RSIRe = "ReleaseStaticIpResult";
const _S = "Session";
const _SAR = "SubdomainAttachableResource";
const _SB = "SensitiveBase64";
const _SCMV = "SendContactMethodVerification";
const _SCMVR = "SendContactMethodVerificationRequest";
const _SCMVRe = "SendContactMethodVerificationResult";
const _SE = "ServiceException";
const _SED = "SetupExecutionDetails";
const _SEDL = "SetupExecutionDetailsList";
const _SGUIS = "StartGUISession";
const _SGUISR = "StartGUISessionRequest";
const _SGUISRt = "StartGUISessionResult";
const _SGUISRto = "StopGUISessionRequest";
const _SGUISRtop = "StopGUISessionResult";
const _SGUISt = "StopGUISession";
const _SH = "SetupHistory";
const _SHR = "SetupHistoryResource";
const _SI = "StaticIp";
const _SIAT = "SetIpAddressType";
const _SIATR = "SetIpAddressTypeRequest";
const _SIATRe = "SetIpAddressTypeResult";
const _SIH = "SetupInstanceHttps";
const _SIHR = "SetupInstanceHttpsRequest";
const _SIHRe = "SetupInstanceHttpsResult";
const _SIL = "StaticIpList";
const _SIOIR = "StopInstanceOnIdleRequest";
const _SIR = "StartInstanceRequest";
const _SIRt = "StartInstanceResult";
const _SIRto = "StopInstanceRequest";
const _SIRtop = "StopInstanceResult";
const _SIt = "StartInstance";
const _SIto = "StopInstance";
const _SL = "SubdomainList";
const _SNES = "SensitiveNonEmptyString";
const _SR = "SetupRequest";
const _SRAFB = "SetResourceAccessForBucket";
const _SRAFBR = "SetResourceAccessForBucketRequest";
const _SRAFBRe = "SetResourceAccessForBucketResult";
const _SRD = "StartRelationalDatabase";
const _SRDR = "StartRelationalDatabaseRequest";
const _SRDRt = "StartRelationalDatabaseResult";
const _SRDRto = "StopRelationalDatabaseRequest";
const _SRDRtop = "StopRelationalDatabaseResult";
const _SRDt = "StopRelationalDatabase";
const _SS = "SensitiveString";
const _Se = "Sessions";
const _Su = "Subdomain";
const _T = "Tag";
const _TA = "TestAlarm";
const _TAR = "TestAlarmRequest";
const _TARe = "TestAlarmResult";
const _TL = "TagList";
const _TP = "TimePeriod";
const _TR = "TagResource";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResult";
const _UB = "UpdateBucket";
const _UBB = "UpdateBucketBundle";
const _UBBR = "UpdateBucketBundleRequest";
const _UBBRp = "UpdateBucketBundleResult";
const _UBR = "UpdateBucketRequest";
const _UBRp = "UpdateBucketResult";
const _UCS = "UpdateContainerService";
const _UCSR = "UpdateContainerServiceRequest";
const _UCSRp = "UpdateContainerServiceResult";
const _UD = "UpdateDistribution";
const _UDB = "UpdateDistributionBundle";
const _UDBR = "UpdateDistributionBundleRequest";
const _UDBRp = "UpdateDistributionBundleResult";
const _UDE = "UpdateDomainEntry";
const _UDER = "UpdateDomainEntryRequest";
const _UDERp = "UpdateDomainEntryResult";
const _UDR = "UpdateDistributionRequest";
const _UDRp = "UpdateDistributionResult";
const _UE = "UnauthenticatedException";
const _UIMO = "UpdateInstanceMetadataOptions";
const _UIMOR = "UpdateInstanceMetadataOptionsRequest";
const _UIMORp = "UpdateInstanceMetadataOptionsResult";
const _ULBA = "UpdateLoadBalancerAttribute";
const _ULBAR = "UpdateLoadBalancerAttributeRequest";
const _ULBARp = "UpdateLoadBalancerAttributeResult";
const _UR = "UntagResource";
const _URD = "UpdateRelationalDatabase";
const _URDP = "UpdateRelationalDatabaseParameters";
const _URDPR = "UpdateRelationalDatabaseParametersRequest";
const _URDPRp = "UpdateRelationalDatabaseParametersResult";
const _URDR = "UpdateRelationalDatabaseRequest";
const _URDRp = "UpdateRelationalDatabaseResult";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResult";
const _USA = "UpdateSubdomainAssociation";
const _USAR = "UpdateSubdomainAssociationRequest";
const _USARp = "UpdateSubdomainAssociationResult";
const _UV = "UnpeerVpc";
const _UVR = "UnpeerVpcRequest";
const _UVRn = "UnpeerVpcResult";
const _WAC = "WafAcfpConfig";
const _WACa = "WafAtpConfig";
const _WBCC = "WafBotControlConfig";
const _WC = "WafConfig";
const _WR = "WafRule";
const _WRI = "WafResponseInspection";
const _WRL = "WafRuleList";
const _a = "arn";
const _aA = "attachedAt";
const _aBU = "acceptBundleUpdate";
const _aC = "appCategory";
const _aCc = "acfpConfig";
const _aCt = "atpConfig";
const _aD = "accessDetails";
const _aDM = "attachedDiskMapping";
const _aDN = "alternativeDomainNames";
const _aDc = "accessDirection";
const _aF = "accessFrom";
const _aH = "allowedHeaders";
const _aHTTPM = "allowedHTTPMethods";
const _aI = "applyImmediately";
const _aK = "accessKey";
const _aKI = "accessKeyId";
const _aKc = "accessKeys";
const _aLBS = "accountLevelBpaSync";
const _aLC = "accessLogConfig";
const _aM = "autoMounting";
const _aMS = "autoMountStatus";
const _aMl = "allowedMethods";
const _aMp = "applyMethod";
const _aN = "alarmName";
const _aNc = "activeNames";
const _aNt = "attributeName";
const _aO = "allowedOrigins";
const _aOR = "addOnRequest";
const _aOT = "addOnType";
const _aOd = "addOns";
const _aPO = "allowPublicOverrides";
const _aR = "accessRules";
const _aRt = "attachedResource";
const _aRtt = "attachingResource";
const _aS = "attachmentState";
const _aSAOR = "autoSnapshotAddOnRequest";
const _aSu = "autoSnapshots";
const _aT = "attachedTo";
const _aTUB = "ableToUpdateBundle";
const _aTc = "accessType";
const _aTp = "applyType";
const _aU = "attributeUpdates";
const _aV = "allowedValues";
const _aVt = "attributeValue";
const _aZ = "availabilityZone";
const _aZv = "availabilityZones";
const _ac = "action";
const _acc = "access";
const _ad = "address";
const _al = "alarms";
const _alg = "algorithm";
const _av = "available";
const _ave = "average";
const _b = "behavior";
const _bCC = "botControlConfig";
const _bI = "blueprintId";
const _bIL = "bpaImpactsLightsail";
const _bIu = "bundleId";
const _bN = "bucketName";
const _bNl = "blueprintName";
const _bRE = "backupRetentionEnabled";
const _bl = "blueprints";
const _bu = "bucket";
const _buc = "buckets";
const _bun = "bundles";
const _c = "client";
const _cA = "createdAt";
const _cAD = "currentApplyDate";
const _cAL = "cookiesAllowList";
const _cAN = "certificateAlternativeNames";
const _cAe = "certificateArn";
const _cB = "cacheBehaviors";
const _cBS = "cacheBehaviorSettings";
const _cC = "cpuCount";
const _cCI = "caCertificateIdentifier";
const _cCo = "continentCode";
const _cD = "certificateDetail";
const _cDN = "certificateDomainName";
const _cDu = "currentDeployment";
const _cE = "contactEndpoint";
const _cER = "customErrorResponses";
const _cEo = "costEstimates";
const _cFSR = "cloudFormationStackRecords";
const _cHTTPM = "cachedHTTPMethods";
const _cI = "containerImages";
const _cIN = "customImageName";
const _cIo = "containerImage";
const _cK = "certKey";
const _cLA = "cidrListAliases";
const _cM = "contactMethods";
const _cN = "certificateName";
const _cNo = "containerName";
const _cNom = "commonName";
const _cO = "comparisonOperator";
const _cOo = "configurationOptions";
const _cP = "contactProtocols";
const _cPe = "certificateProvider";
const _cPo = "containerPort";
const _cPr = "creationPath";
const _cS = "containerServices";
const _cSN = "containerServiceName";
const _cSe = "certificateStatuses";
const _cSo = "containerService";
const _cT = "createTime";
const _ce = "certificate";
const _cer = "certificates";
const _ch = "children";
const _ci = "cidrs";
const _cip = "ciphers";
const _ciph = "ciphertext";
const _co = "code";
const _com = "command";
const _con = "containers";
const _cor = "cors";
const _cu = "currency";
const _d = "docs";
const _dBR = "disableBackupRetention";
const _dCB = "defaultCacheBehavior";
const _dE = "domainEntry";
const _dEo = "domainEntries";
const _dI = "destinationInfo";
const _dIM = "durationInMinutes";
const _dN = "distributionName";
const _dNi = "diskName";
const _dNis = "displayName";
const _dNn = "dnsName";
const _dNo = "domainName";
const _dNom = "domainNames";
const _dP = "diskPath";
const _dRCS = "dnsRecordCreationState";
const _dRO = "defaultRootObject";
const _dS = "diskSnapshot";
const _dSI = "diskSnapshotInfo";
const _dSIG = "diskSizeInGb";
const _dSN = "diskSnapshotName";
const _dSi = "diskSnapshots";
const _dT = "dataType";
const _dTA = "datapointsToAlarm";
const _dTTL = "defaultTTL";
const _dTa = "dateTime";
const _dVO = "domainValidationOptions";
const _dVR = "domainValidationRecords";
const _da = "date";
const _de = "description";
const _dep = "deployment";
const _depl = "deployments";
const _dept = "depth";
const _des = "destination";
const _det = "details";
const _di = "digest";
const _dis = "distribution";
const _disk = "disk";
const _disks = "disks";
const _dist = "distributions";
const _do = "domain";
const _dom = "domains";
const _du = "duration";
const _e = "error";
const _eA = "expiresAt";
const _eAm = "emailAddress";
const _eAn = "enrolledAt";
const _eBR = "enableBackupRetention";
const _eC = "errorCode";
const _eCMTTL = "errorCachingMinTTL";
const _eCv = "eventCategories";
const _eD = "errorDetails";
const _eDn = "engineDescription";
const _eDx = "executionDetails";
const _eF = "expectedFingerprint";
const _eH = "exposeHeaders";
const _eIPR = "ecrImagePullerRole";
const _eOV = "enableObjectVersioning";
const _eP = "evaluationPeriods";
const _ePOA = "enablePrivateOriginAccess";
const _eSR = "exportSnapshotRecords";
const _eT = "endTime";
const _eTR = "eligibleToRenew";
const _eV = "engineVersion";
const _eVD = "engineVersionDescription";
const _eW = "enableWaf";
const _en = "enabled";
const _end = "end";
const _eng = "engine";
const _env = "environment";
const _f = "force";
const _fAD = "fromAttachedDisks";
const _fBI = "fromBlueprintId";
const _fBIr = "fromBundleId";
const _fC = "forwardedCookies";
const _fCa = "failureCodes";
const _fD = "forceDelete";
const _fDA = "fromDiskArn";
const _fDAO = "forceDeleteAddOns";
const _fDI = "fromDiskInfo";
const _fDN = "fromDiskName";
const _fH = "forwardedHeaders";
const _fIA = "fromInstanceArn";
const _fIN = "fromInstanceName";
const _fP = "filterPattern";
const _fPr = "fromPort";
const _fQS = "forwardedQueryStrings";
const _fR = "failureReason";
const _fRA = "fromResourceArn";
const _fRDA = "fromRelationalDatabaseArn";
const _fRDBI = "fromRelationalDatabaseBundleId";
const _fRDBIr = "fromRelationalDatabaseBlueprintId";
const _fRDN = "fromRelationalDatabaseName";
const _fRDSN = "finalRelationalDatabaseSnapshotName";
const _fRN = "fromResourceName";
const _fSHA = "fingerprintSHA1";
const _fSHAi = "fingerprintSHA256";
const _fi = "fingerprint";
const _fq = "fqdn";
const _g = "group";
const _gIU = "gbInUse";
const _gO = "getObject";
const _gPMA = "gbPerMonthAllocated";
const _h = "hardware";
const _hAL = "headersAllowList";
const _hC = "healthCheck";
const _hCP = "healthCheckPath";
const _hE = "httpError";
const _hEt = "httpEndpoint";
const _hK = "hostKeys";
const _hPI = "httpProtocolIpv6";
const _hPRHL = "httpPutResponseHopLimit";
const _hQ = "httpQuery";
const _hRE = "httpsRedirectionEnabled";
const _hT = "healthyThreshold";
const _hTt = "httpTokens";
const _ht = "http";
const _i = "id";
const _iA = "isActive";
const _iAT = "ipAddressType";
const _iAZ = "includeAvailabilityZones";
const _iAp = "ipv6Addresses";
const _iApd = "ipAddress";
const _iAs = "issuedAt";
const _iAsl = "isAlias";
const _iAst = "isAttached";
const _iC = "includeCors";
const _iCA = "issuerCA";
const _iCD = "includeCertificateDetails";
const _iCR = "includeConnectedResources";
const _iCp = "ipv6Cidrs";
const _iD = "isDisabled";
const _iDKP = "includeDefaultKeyPair";
const _iDs = "isDefault";
const _iE = "isEnabled";
const _iED = "isEngineDefault";
const _iEs = "isEncrypted";
const _iFAS = "isFromAutoSnapshot";
const _iH = "instanceHealth";
const _iHR = "instanceHealthReason";
const _iHS = "includeHealthStatus";
const _iHSn = "instanceHealthSummary";
const _iI = "includeInactive";
const _iL = "inspectionLevel";
const _iM = "isModifiable";
const _iN = "instanceName";
const _iNn = "instanceNames";
const _iP = "instancePort";
const _iPOAE = "isPrivateOriginAccessEnabled";
const _iPs = "isPeered";
const _iPsr = "isPrimary";
const _iRDAZ = "includeRelationalDatabaseAvailabilityZones";
const _iS = "intervalSeconds";
const _iSD = "isSystemDisk";
const _iSI = "instanceSnapshotInfo";
const _iSIs = "isStaticIp";
const _iSN = "instanceSnapshotName";
const _iSm = "impairedSince";
const _iSn = "instanceSnapshot";
const _iSns = "instanceSnapshots";
const _iSnst = "instanceStatus";
const _iT = "instanceType";
const _iTs = "isTerminal";
const _iURC = "inUseResourceCount";
const _iWE = "isWafEnabled";
const _im = "image";
const _in = "instances";
const _ins = "instance";
const _io = "iops";
const _is = "issuer";
const _k = "key";
const _kA = "keyAlgorithm";
const _kP = "keyPair";
const _kPN = "keyPairName";
const _kPe = "keyPairs";
const _l = "location";
const _lB = "loadBalancer";
const _lBN = "loadBalancerName";
const _lBo = "loadBalancers";
const _lE = "logEvents";
const _lP = "loginPath";
const _lRT = "latestRestorableTime";
const _lS = "logStreams";
const _lSA = "lastSyncedAt";
const _lSN = "logStreamName";
const _lU = "lastUsed";
const _lUD = "lastUsedDate";
const _lUi = "licenseUrl";
const _la = "label";
const _m = "message";
const _mAS = "maxAgeSeconds";
const _mD = "metricData";
const _mDN = "masterDatabaseName";
const _mE = "masterEndpoint";
const _mN = "metricName";
const _mO = "metadataOptions";
const _mP = "minPower";
const _mRI = "monitoredResourceInfo";
const _mRN = "monitoredResourceName";
const _mT = "monthlyTransfer";
const _mTTL = "minimumTTL";
const _mTTLa = "maximumTTL";
const _mU = "masterUsername";
const _mUP = "masterUserPassword";
const _ma = "maximum";
const _me = "metadata";
const _mi = "minimum";
const _n = "name";
const _nA = "notAfter";
const _nB = "notBefore";
const _nBT = "nextBackwardToken";
const _nD = "nextDeployment";
const _nDN = "newDiskName";
const _nE = "notificationEnabled";
const _nFT = "nextForwardToken";
const _nPC = "nextPageCount";
const _nPT = "nextPageToken";
const _nSTOD = "nextSnapshotTimeOfDay";
const _nSUS = "nameServersUpdateState";
const _nT = "notificationTriggers";
const _nVA = "notValidAfter";
const _nVB = "notValidBefore";
const _ne = "networking";
const _o = "operations";
const _oD = "operationDetails";
const _oDP = "originalDiskPath";
const _oI = "operationId";
const _oPDNS = "originPublicDNS";
const _oT = "operationType";
const _oV = "objectVersioning";
const _op = "operation";
const _opt = "option";
const _opti = "options";
const _or = "origin";
const _p = "period";
const _pA = "principalArn";
const _pAS = "parameterApplyStatus";
const _pAu = "publiclyAccessible";
const _pBW = "preferredBackupWindow";
const _pC = "percentageComplete";
const _pD = "passwordData";
const _pDN = "privateDomainName";
const _pDNu = "publicDomainNames";
const _pE = "publicEndpoint";
const _pF = "parentFqdn";
const _pFa = "passwordField";
const _pI = "portInfo";
const _pIA = "privateIpAddress";
const _pIAC = "publicIpv4AddressCount";
const _pIAu = "publicIpAddress";
const _pIS = "portInfoSource";
const _pIo = "powerId";
const _pIor = "portInfos";
const _pK = "publicKey";
const _pKB = "publicKeyBase64";
const _pKBr = "privateKeyBase64";
const _pKr = "privateKey";
const _pMA = "pendingMaintenanceActions";
const _pMV = "pendingModifiedValues";
const _pMW = "preferredMaintenanceWindow";
const _pN = "parameterName";
const _pP = "protocolPolicy";
const _pPu = "publicPorts";
const _pRA = "privateRegistryAccess";
const _pS = "portStates";
const _pT = "pageToken";
const _pTa = "payloadType";
const _pTr = "profileType";
const _pU = "productUrl";
const _pUr = "pricingUnit";
const _pV = "passwordVersion";
const _pVa = "parameterValue";
const _pa = "path";
const _par = "partner";
const _para = "parameters";
const _pas = "password";
const _pl = "platform";
const _po = "power";
const _por = "ports";
const _port = "port";
const _pow = "powers";
const _pr = "prefix";
const _pri = "price";
const _pro = "protocol";
const _prog = "progress";
const _prot = "protocols";
const _qSAL = "queryStringsAllowList";
const _r = "region";
const _rA = "revokedAt";
const _rAA = "readonlyAccessAccounts";
const _rAe = "resourceArn";
const _rBE = "resourcesBudgetEstimate";
const _rBT = "resultsByTime";
const _rC = "responseCode";
const _rD = "restoreDate";
const _rDAZ = "relationalDatabaseAvailabilityZones";
const _rDBI = "relationalDatabaseBundleId";
const _rDBIe = "relationalDatabaseBlueprintId";
const _rDDI = "registeredDomainDelegationInfo";
const _rDE = "relationalDatabaseEvents";
const _rDN = "relationalDatabaseName";
const _rDS = "relationalDatabaseSnapshot";
const _rDSN = "relationalDatabaseSnapshotName";
const _rDSe = "relationalDatabaseSnapshots";
const _rDe = "relationalDatabase";
const _rDel = "relationalDatabases";
const _rEA = "reservationExpiresAt";
const _rFR = "requestFailureReason";
const _rHZDS = "r53HostedZoneDeletionState";
const _rI = "responseInspection";
const _rL = "registryLogin";
const _rLE = "resourceLogEvents";
const _rMUP = "rotateMasterUserPassword";
const _rN = "resourceName";
const _rNe = "regionName";
const _rPP = "responsePagePath";
const _rPPe = "registrationPagePath";
const _rR = "revocationReason";
const _rRA = "resourcesReceivingAccess";
const _rRe = "resourceRecord";
const _rS = "renewalSummary";
const _rSIG = "ramSizeInGb";
const _rSR = "renewalStatusReason";
const _rSe = "renewalStatus";
const _rT = "resourceType";
const _rTe = "restoreTime";
const _rTes = "responseTimeout";
const _re = "reserve";
const _reg = "registry";
const _regi = "regions";
const _req = "request";
const _res = "resource";
const _ru = "rules";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.lightsail";
const _sA = "signatureAlgorithm";
const _sAC = "supportedAppCategories";
const _sAK = "secretAccessKey";
const _sAN = "subjectAlternativeNames";
const _sAZ = "secondaryAvailabilityZone";
const _sC = "supportCode";
const _sCA = "statusChangedAt";
const _sCa = "sampleCount";
const _sCu = "successCodes";
const _sD = "stateDetail";
const _sDN = "sourceDiskName";
const _sE = "standardError";
const _sFH = "startFromHead";
const _sFS = "skipFinalSnapshot";
const _sH = "setupHistory";
const _sHL = "setupHistoryList";
const _sI = "sourceInfo";
const _sIG = "sizeInGb";
const _sIN = "staticIpName";
const _sINo = "sourceInstanceName";
const _sIOIR = "stopInstanceOnIdleRequest";
const _sIt = "staticIp";
const _sIta = "staticIps";
const _sKN = "sshKeyName";
const _sN = "serviceName";
const _sNe = "serialNumber";
const _sNo = "sourceName";
const _sNu = "subdomainName";
const _sO = "standardOutput";
const _sP = "supportedPlatforms";
const _sPMIG = "storagePerMonthInGb";
const _sR = "sourceRegion";
const _sRDN = "sourceRelationalDatabaseName";
const _sRN = "sourceResourceName";
const _sS = "systemStatus";
const _sSN = "sourceSnapshotName";
const _sT = "startTime";
const _sTOD = "snapshotTimeOfDay";
const _sc = "scale";
const _se = "server";
const _ser = "service";
const _seri = "serial";
const _ses = "sessions";
const _st = "status";
const _sta = "statistic";
const _star = "start";
const _stat = "state";
const _stati = "statistics";
const _su = "subdomain";
const _sub = "subdomains";
const _subj = "subject";
const _sum = "sum";
const _t = "tip";
const _tC = "tlsCertificates";
const _tCS = "tlsCertificateSummaries";
const _tK = "tagKeys";
const _tMD = "treatMissingData";
const _tN = "tierName";
const _tP = "timePeriod";
const _tPMIG = "transferPerMonthInGb";
const _tPN = "tlsPolicyName";
const _tPl = "tlsPolicies";
const _tPo = "toPort";
const _tRA = "targetResourceArn";
const _tS = "timeoutSeconds";
const _tSN = "targetSnapshotName";
const _ta = "tags";
const _tar = "target";
const _th = "threshold";
const _ti = "timestamp";
const _ty = "type";
const _u = "unit";
const _uA = "updatedAt";
const _uC = "usageCost";
const _uD = "userData";
const _uDC = "useDefaultCertificate";
const _uF = "usernameField";
const _uLRAS = "useLatestRestorableAutoSnapshot";
const _uLRT = "useLatestRestorableTime";
const _uT = "unhealthyThreshold";
const _uTs = "usageType";
const _ur = "url";
const _us = "username";
const _v = "version";
const _vC = "versionCode";
const _vMTPV = "viewerMinimumTlsProtocolVersion";
const _vS = "validationStatus";
const _va = "value";
const _ve = "versioning";
const _w = "waf";
const _wA = "witnessedAt";
const _wR = "wafRules";
const _zN = "zoneName";
const n0 = "com.amazonaws.lightsail";
const _s_registry = new TypeRegistry(_s);
var LightsailServiceException$ = [-3, _s, "LightsailServiceException", 0, [], []];
_s_registry.registerError(LightsailServiceException$, LightsailServiceException);
const n0_registry = new TypeRegistry(n0);
var AccessDeniedException$ = [-3, n0, _ADE,
    { [_e]: _c, [_hE]: 403 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(AccessDeniedException$, AccessDeniedException);
var AccountSetupInProgressException$ = [-3, n0, _ASIPE,
    { [_e]: _c, [_hE]: 428 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(AccountSetupInProgressException$, AccountSetupInProgressException);
var InvalidInputException$ = [-3, n0, _IIE,
    { [_e]: _c, [_hE]: 400 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(InvalidInputException$, InvalidInputException);
var NotFoundException$ = [-3, n0, _NFE,
    { [_e]: _c, [_hE]: 404 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(NotFoundException$, NotFoundException);
var OperationFailureException$ = [-3, n0, _OFE,
    { [_e]: _c, [_hE]: 400 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(OperationFailureException$, OperationFailureException);
var RegionSetupInProgressException$ = [-3, n0, _RSIPE,
    { [_e]: _c, [_hE]: 428 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(RegionSetupInProgressException$, RegionSetupInProgressException);
var ServiceException$ = [-3, n0, _SE,
    { [_e]: _se, [_hE]: 500 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(ServiceException$, ServiceException);
var UnauthenticatedException$ = [-3, n0, _UE,
    { [_e]: _c, [_hE]: 401 },
    [_co, _d, _m, _t],
    [0, 0, 0, 0]
];
n0_registry.registerError(UnauthenticatedException$, UnauthenticatedException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var EmailAddress = [0, n0, _EA, 8, 0];
var IAMAccessKeyId = [0, n0, _IAMAKI, 8, 0];
var SensitiveBase64 = [0, n0, _SB, 8, 0];
var SensitiveNonEmptyString = [0, n0, _SNES, 8, 0];
var SensitiveString = [0, n0, _SS, 8, 0];
var AccessKey$ = [3, n0, _AK,
    0,
    [_aKI, _sAK, _st, _cA, _lU],
    [[() => IAMAccessKeyId, 0], [() => SensitiveNonEmptyString, 0], 0, 4, () => AccessKeyLastUsed$]
];
var AccessKeyLastUsed$ = [3, n0, _AKLU,
    0,
    [_lUD, _r, _sN],
    [4, 0, 0]
];
var AccessRules$ = [3, n0, _AR,
    0,
    [_gO, _aPO],
    [0, 2]
];
var AccountLevelBpaSync$ = [3, n0, _ALBS,
    0,
    [_st, _lSA, _m, _bIL],
    [0, 4, 0, 2]
];
var AddOn$ = [3, n0, _AO,
    0,
    [_n, _st, _sTOD, _nSTOD, _th, _du],
    [0, 0, 0, 0, 0, 0]
];
var AddOnRequest$ = [3, n0, _AOR,
    0,
    [_aOT, _aSAOR, _sIOIR],
    [0, () => AutoSnapshotAddOnRequest$, () => StopInstanceOnIdleRequest$], 1
];
var Alarm$ = [3, n0, _A,
    0,
    [_n, _a, _cA, _l, _rT, _sC, _mRI, _cO, _eP, _p, _th, _dTA, _tMD, _sta, _mN, _stat, _u, _cP, _nT, _nE, _ta],
    [0, 0, 4, () => ResourceLocation$, 0, 0, () => MonitoredResourceInfo$, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 64 | 0, 64 | 0, 2, () => TagList]
];
var AllocateStaticIpRequest$ = [3, n0, _ASIR,
    0,
    [_sIN],
    [0], 1
];
var AllocateStaticIpResult$ = [3, n0, _ASIRl,
    0,
    [_o],
    [() => OperationList]
];
var AttachCertificateToDistributionRequest$ = [3, n0, _ACTDR,
    0,
    [_dN, _cN],
    [0, 0], 2
];
var AttachCertificateToDistributionResult$ = [3, n0, _ACTDRt,
    0,
    [_op],
    [() => Operation$]
];
var AttachDiskRequest$ = [3, n0, _ADR,
    0,
    [_dNi, _iN, _dP, _aM],
    [0, 0, 0, 2], 3
];
var AttachDiskResult$ = [3, n0, _ADRt,
    0,
    [_o],
    [() => OperationList]
];
var AttachedDisk$ = [3, n0, _AD,
    0,
    [_pa, _sIG],
    [0, 1]
];
var AttachInstancesToLoadBalancerRequest$ = [3, n0, _AITLBR,
    0,
    [_lBN, _iNn],
    [0, 64 | 0], 2
];
var AttachInstancesToLoadBalancerResult$ = [3, n0, _AITLBRt,
    0,
    [_o],
    [() => OperationList]
];
var AttachLoadBalancerTlsCertificateRequest$ = [3, n0, _ALBTCR,
    0,
    [_lBN, _cN],
    [0, 0], 2
];
var AttachLoadBalancerTlsCertificateResult$ = [3, n0, _ALBTCRt,
    0,
    [_o],
    [() => OperationList]
];
var AttachStaticIpRequest$ = [3, n0, _ASIRt,
    0,
    [_sIN, _iN],
    [0, 0], 2
];
var AttachStaticIpResult$ = [3, n0, _ASIRtt,
    0,
    [_o],
    [() => OperationList]
];
var AutoSnapshotAddOnRequest$ = [3, n0, _ASAOR,
    0,
    [_sTOD],
    [0]
];
var AutoSnapshotDetails$ = [3, n0, _ASD,
    0,
    [_da, _cA, _st, _fAD],
    [0, 4, 0, () => AttachedDiskList]
];
var AvailabilityZone$ = [3, n0, _AZ,
    0,
    [_zN, _stat],
    [0, 0]
];
var Blueprint$ = [3, n0, _B,
    0,
    [_bI, _n, _g, _ty, _de, _iA, _mP, _v, _vC, _pU, _lUi, _pl, _aC],
    [0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0]
];
var Bucket$ = [3, n0, _Bu,
    0,
    [_rT, _aR, _a, _bIu, _cA, _ur, _l, _n, _sC, _ta, _oV, _aTUB, _rAA, _rRA, _stat, _aLC, _cor],
    [0, () => AccessRules$, 0, 0, 4, 0, () => ResourceLocation$, 0, 0, () => TagList, 0, 2, 64 | 0, () => AccessReceiverList, () => BucketState$, () => BucketAccessLogConfig$, () => BucketCorsConfig$]
];
var BucketAccessLogConfig$ = [3, n0, _BALC,
    0,
    [_en, _des, _pr],
    [2, 0, 0], 1
];
var BucketBundle$ = [3, n0, _BB,
    0,
    [_bIu, _n, _pri, _sPMIG, _tPMIG, _iA],
    [0, 0, 1, 1, 1, 2]
];
var BucketCorsConfig$ = [3, n0, _BCC,
    0,
    [_ru],
    [() => BucketCorsRules]
];
var BucketCorsRule$ = [3, n0, _BCR,
    0,
    [_aMl, _aO, _i, _aH, _eH, _mAS],
    [64 | 0, 64 | 0, 0, 64 | 0, 64 | 0, 1], 2
];
var BucketState$ = [3, n0, _BS,
    0,
    [_co, _m],
    [0, 0]
];
var Bundle$ = [3, n0, _Bun,
    0,
    [_pri, _cC, _dSIG, _bIu, _iT, _iA, _n, _po, _rSIG, _tPMIG, _sP, _sAC, _pIAC],
    [1, 1, 1, 0, 0, 2, 0, 1, 1, 1, 64 | 0, 64 | 0, 1]
];
var CacheBehavior$ = [3, n0, _CB,
    0,
    [_b],
    [0]
];
var CacheBehaviorPerPath$ = [3, n0, _CBPP,
    0,
    [_pa, _b],
    [0, 0]
];
var CacheSettings$ = [3, n0, _CS,
    0,
    [_dTTL, _mTTL, _mTTLa, _aHTTPM, _cHTTPM, _fC, _fH, _fQS],
    [1, 1, 1, 0, 0, () => CookieObject$, () => HeaderObject$, () => QueryStringObject$]
];
var Certificate$ = [3, n0, _C,
    0,
    [_a, _n, _dNo, _st, _sNe, _sAN, _dVR, _rFR, _iURC, _kA, _cA, _iAs, _iCA, _nB, _nA, _eTR, _rS, _rA, _rR, _ta, _sC],
    [0, 0, 0, 0, 0, 64 | 0, () => DomainValidationRecordList, 0, 1, 0, 4, 4, 0, 4, 4, 0, () => RenewalSummary$, 4, 0, () => TagList, 0]
];
var CertificateSummary$ = [3, n0, _CSe,
    0,
    [_cAe, _cN, _dNo, _cD, _ta],
    [0, 0, 0, () => Certificate$, () => TagList]
];
var CheckSubdomainAvailabilityRequest$ = [3, n0, _CSAR,
    0,
    [_sNu, _re],
    [0, 2], 1
];
var CheckSubdomainAvailabilityResult$ = [3, n0, _CSARh,
    0,
    [_av, _rEA, _sNu],
    [2, 4, 0]
];
var CloseInstancePublicPortsRequest$ = [3, n0, _CIPPR,
    0,
    [_pI, _iN],
    [() => PortInfo$, 0], 2
];
var CloseInstancePublicPortsResult$ = [3, n0, _CIPPRl,
    0,
    [_op],
    [() => Operation$]
];
var CloudFormationStackRecord$ = [3, n0, _CFSR,
    0,
    [_n, _a, _cA, _l, _rT, _stat, _sI, _dI],
    [0, 0, 4, () => ResourceLocation$, 0, 0, () => CloudFormationStackRecordSourceInfoList, () => DestinationInfo$]
];
var CloudFormationStackRecordSourceInfo$ = [3, n0, _CFSRSI,
    0,
    [_rT, _n, _a],
    [0, 0, 0]
];
var ContactMethod$ = [3, n0, _CM,
    0,
    [_cE, _st, _pro, _n, _a, _cA, _l, _rT, _sC, _ta],
    [0, 0, 0, 0, 0, 4, () => ResourceLocation$, 0, 0, () => TagList]
];
var Container$ = [3, n0, _Co,
    0,
    [_im, _com, _env, _por],
    [0, 64 | 0, 128 | 0, 128 | 0]
];
var ContainerImage$ = [3, n0, _CI,
    0,
    [_im, _di, _cA],
    [0, 0, 4]
];
var ContainerService$ = [3, n0, _CSo,
    0,
    [_cSN, _a, _cA, _l, _rT, _ta, _po, _pIo, _stat, _sD, _sc, _cDu, _nD, _iD, _pA, _pDN, _pDNu, _ur, _pRA],
    [0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0, 0, 0, () => ContainerServiceStateDetail$, 1, () => ContainerServiceDeployment$, () => ContainerServiceDeployment$, 2, 0, 0, [2, n0, _CSPD, 0, 0, 64 | 0], 0, () => PrivateRegistryAccess$]
];
var ContainerServiceDeployment$ = [3, n0, _CSD,
    0,
    [_v, _stat, _con, _pE, _cA],
    [1, 0, () => ContainerMap, () => ContainerServiceEndpoint$, 4]
];
var ContainerServiceDeploymentRequest$ = [3, n0, _CSDR,
    0,
    [_con, _pE],
    [() => ContainerMap, () => EndpointRequest$]
];
var ContainerServiceECRImagePullerRole$ = [3, n0, _CSECRIPR,
    0,
    [_iA, _pA],
    [2, 0]
];
var ContainerServiceECRImagePullerRoleRequest$ = [3, n0, _CSECRIPRR,
    0,
    [_iA],
    [2]
];
var ContainerServiceEndpoint$ = [3, n0, _CSE,
    0,
    [_cNo, _cPo, _hC],
    [0, 1, () => ContainerServiceHealthCheckConfig$]
];
var ContainerServiceHealthCheckConfig$ = [3, n0, _CSHCC,
    0,
    [_hT, _uT, _tS, _iS, _pa, _sCu],
    [1, 1, 1, 1, 0, 0]
];
var ContainerServiceLogEvent$ = [3, n0, _CSLE,
    0,
    [_cA, _m],
    [4, 0]
];
var ContainerServicePower$ = [3, n0, _CSP,
    0,
    [_pIo, _pri, _cC, _rSIG, _n, _iA],
    [0, 1, 1, 1, 0, 2]
];
var ContainerServiceRegistryLogin$ = [3, n0, _CSRL,
    0,
    [_us, _pas, _eA, _reg],
    [0, [() => SensitiveString, 0], 4, 0]
];
var ContainerServicesListResult$ = [3, n0, _CSLR,
    0,
    [_cS],
    [() => ContainerServiceList]
];
var ContainerServiceStateDetail$ = [3, n0, _CSSD,
    0,
    [_co, _m],
    [0, 0]
];
var CookieObject$ = [3, n0, _CO,
    0,
    [_opt, _cAL],
    [0, 64 | 0]
];
var CopySnapshotRequest$ = [3, n0, _CSR,
    0,
    [_tSN, _sR, _sSN, _sRN, _rD, _uLRAS],
    [0, 0, 0, 0, 0, 2], 2
];
var CopySnapshotResult$ = [3, n0, _CSRo,
    0,
    [_o],
    [() => OperationList]
];
var CostEstimate$ = [3, n0, _CE,
    0,
    [_uTs, _rBT],
    [0, () => EstimatesByTime]
];
var CreateBucketAccessKeyRequest$ = [3, n0, _CBAKR,
    0,
    [_bN],
    [0], 1
];
var CreateBucketAccessKeyResult$ = [3, n0, _CBAKRr,
    0,
    [_aK, _o],
    [[() => AccessKey$, 0], () => OperationList]
];
var CreateBucketRequest$ = [3, n0, _CBR,
    0,
    [_bN, _bIu, _ta, _eOV],
    [0, 0, () => TagList, 2], 2
];
var CreateBucketResult$ = [3, n0, _CBRr,
    0,
    [_bu, _o],
    [() => Bucket$, () => OperationList]
];
var CreateCertificateRequest$ = [3, n0, _CCR,
    0,
    [_cN, _dNo, _sAN, _ta],
    [0, 0, 64 | 0, () => TagList], 2
];
var CreateCertificateResult$ = [3, n0, _CCRr,
    0,
    [_ce, _o],
    [() => CertificateSummary$, () => OperationList]
];
var CreateCloudFormationStackRequest$ = [3, n0, _CCFSR,
    0,
    [_in],
    [() => InstanceEntryList], 1
];
var CreateCloudFormationStackResult$ = [3, n0, _CCFSRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateContactMethodRequest$ = [3, n0, _CCMR,
    0,
    [_pro, _cE, _ta],
    [0, 0, () => TagList], 2
];
var CreateContactMethodResult$ = [3, n0, _CCMRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateContainerServiceDeploymentRequest$ = [3, n0, _CCSDR,
    0,
    [_sN, _con, _pE],
    [[0, 1], () => ContainerMap, () => EndpointRequest$], 1
];
var CreateContainerServiceDeploymentResult$ = [3, n0, _CCSDRr,
    0,
    [_cSo],
    [() => ContainerService$]
];
var CreateContainerServiceRegistryLoginRequest$ = [3, n0, _CCSRLR,
    0,
    [],
    []
];
var CreateContainerServiceRegistryLoginResult$ = [3, n0, _CCSRLRr,
    0,
    [_rL],
    [[() => ContainerServiceRegistryLogin$, 0]]
];
var CreateContainerServiceRequest$ = [3, n0, _CCSR,
    0,
    [_sN, _po, _sc, _ta, _pDNu, _dep, _pRA],
    [0, 0, 1, () => TagList, [2, n0, _CSPD, 0, 0, 64 | 0], () => ContainerServiceDeploymentRequest$, () => PrivateRegistryAccessRequest$], 3
];
var CreateContainerServiceResult$ = [3, n0, _CCSRr,
    0,
    [_cSo],
    [() => ContainerService$]
];
var CreateDiskFromSnapshotRequest$ = [3, n0, _CDFSR,
    0,
    [_dNi, _aZ, _sIG, _dSN, _ta, _aOd, _sDN, _rD, _uLRAS],
    [0, 0, 1, 0, () => TagList, () => AddOnRequestList, 0, 0, 2], 3
];
var CreateDiskFromSnapshotResult$ = [3, n0, _CDFSRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateDiskRequest$ = [3, n0, _CDR,
    0,
    [_dNi, _aZ, _sIG, _ta, _aOd],
    [0, 0, 1, () => TagList, () => AddOnRequestList], 3
];
var CreateDiskResult$ = [3, n0, _CDRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateDiskSnapshotRequest$ = [3, n0, _CDSR,
    0,
    [_dSN, _dNi, _iN, _ta],
    [0, 0, 0, () => TagList], 1
];
var CreateDiskSnapshotResult$ = [3, n0, _CDSRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateDistributionRequest$ = [3, n0, _CDRre,
    0,
    [_dN, _or, _dCB, _bIu, _cBS, _cB, _iAT, _ta, _cN, _vMTPV, _ePOA, _dRO, _cER, _eW, _wR, _sNu],
    [0, () => InputOrigin$, () => CacheBehavior$, 0, () => CacheSettings$, () => CacheBehaviorList, 0, () => TagList, 0, 0, 2, 0, () => DistributionCustomErrorResponseList, 2, () => WafRuleList, 0], 4
];
var CreateDistributionResult$ = [3, n0, _CDRrea,
    0,
    [_dis, _op],
    [() => LightsailDistribution$, () => Operation$]
];
var CreateDomainEntryRequest$ = [3, n0, _CDER,
    0,
    [_dNo, _dE],
    [0, () => DomainEntry$], 2
];
var CreateDomainEntryResult$ = [3, n0, _CDERr,
    0,
    [_op],
    [() => Operation$]
];
var CreateDomainRequest$ = [3, n0, _CDRreat,
    0,
    [_dNo, _ta],
    [0, () => TagList], 1
];
var CreateDomainResult$ = [3, n0, _CDRreate,
    0,
    [_op],
    [() => Operation$]
];
var CreateGUISessionAccessDetailsRequest$ = [3, n0, _CGUISADR,
    0,
    [_rN],
    [0], 1
];
var CreateGUISessionAccessDetailsResult$ = [3, n0, _CGUISADRr,
    0,
    [_rN, _st, _pC, _fR, _ses],
    [0, 0, 1, 0, [() => Sessions, 0]]
];
var CreateInstancesFromSnapshotRequest$ = [3, n0, _CIFSR,
    0,
    [_iNn, _aZ, _bIu, _aDM, _iSN, _uD, _kPN, _ta, _aOd, _iAT, _sINo, _rD, _uLRAS],
    [64 | 0, 0, 0, () => AttachedDiskMap, 0, 0, 0, () => TagList, () => AddOnRequestList, 0, 0, 0, 2], 3
];
var CreateInstancesFromSnapshotResult$ = [3, n0, _CIFSRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateInstanceSnapshotRequest$ = [3, n0, _CISR,
    0,
    [_iSN, _iN, _ta],
    [0, 0, () => TagList], 2
];
var CreateInstanceSnapshotResult$ = [3, n0, _CISRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateInstancesRequest$ = [3, n0, _CIR,
    0,
    [_iNn, _aZ, _bI, _bIu, _cIN, _uD, _kPN, _ta, _aOd, _iAT],
    [64 | 0, 0, 0, 0, 0, 0, 0, () => TagList, () => AddOnRequestList, 0], 4
];
var CreateInstancesResult$ = [3, n0, _CIRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateKeyPairRequest$ = [3, n0, _CKPR,
    0,
    [_kPN, _ta],
    [0, () => TagList], 1
];
var CreateKeyPairResult$ = [3, n0, _CKPRr,
    0,
    [_kP, _pKB, _pKBr, _op],
    [() => KeyPair$, 0, [() => SensitiveBase64, 0], () => Operation$]
];
var CreateLoadBalancerRequest$ = [3, n0, _CLBR,
    0,
    [_lBN, _iP, _hCP, _cN, _cDN, _cAN, _ta, _iAT, _tPN],
    [0, 1, 0, 0, 0, 64 | 0, () => TagList, 0, 0], 2
];
var CreateLoadBalancerResult$ = [3, n0, _CLBRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateLoadBalancerTlsCertificateRequest$ = [3, n0, _CLBTCR,
    0,
    [_lBN, _cN, _cDN, _cAN, _ta],
    [0, 0, 0, 64 | 0, () => TagList], 3
];
var CreateLoadBalancerTlsCertificateResult$ = [3, n0, _CLBTCRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateRelationalDatabaseFromSnapshotRequest$ = [3, n0, _CRDFSR,
    0,
    [_rDN, _aZ, _pAu, _rDSN, _rDBI, _sRDN, _rTe, _uLRT, _ta],
    [0, 0, 2, 0, 0, 0, 4, 2, () => TagList], 1
];
var CreateRelationalDatabaseFromSnapshotResult$ = [3, n0, _CRDFSRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateRelationalDatabaseRequest$ = [3, n0, _CRDR,
    0,
    [_rDN, _rDBIe, _rDBI, _mDN, _mU, _aZ, _mUP, _pBW, _pMW, _pAu, _ta],
    [0, 0, 0, 0, 0, 0, [() => SensitiveString, 0], 0, 0, 2, () => TagList], 5
];
var CreateRelationalDatabaseResult$ = [3, n0, _CRDRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateRelationalDatabaseSnapshotRequest$ = [3, n0, _CRDSR,
    0,
    [_rDN, _rDSN, _ta],
    [0, 0, () => TagList], 2
];
var CreateRelationalDatabaseSnapshotResult$ = [3, n0, _CRDSRr,
    0,
    [_o],
    [() => OperationList]
];
var CreateSubdomainRequest$ = [3, n0, _CSRr,
    0,
    [_sNu, _ta],
    [0, () => TagList], 1
];
var CreateSubdomainResult$ = [3, n0, _CSRre,
    0,
    [_su, _op],
    [() => Subdomain$, () => Operation$]
];
var DeleteAlarmRequest$ = [3, n0, _DAR,
    0,
    [_aN],
    [[0, 1]], 1
];
var DeleteAlarmResult$ = [3, n0, _DARe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteAutoSnapshotRequest$ = [3, n0, _DASR,
    0,
    [_rN, _da],
    [0, 0], 2
];
var DeleteAutoSnapshotResult$ = [3, n0, _DASRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteBucketAccessKeyRequest$ = [3, n0, _DBAKR,
    0,
    [_bN, _aKI],
    [0, 0], 2
];
var DeleteBucketAccessKeyResult$ = [3, n0, _DBAKRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteBucketRequest$ = [3, n0, _DBR,
    0,
    [_bN, _fD],
    [0, 2], 1
];
var DeleteBucketResult$ = [3, n0, _DBRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteCertificateRequest$ = [3, n0, _DCR,
    0,
    [_cN],
    [0], 1
];
var DeleteCertificateResult$ = [3, n0, _DCRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteContactMethodRequest$ = [3, n0, _DCMR,
    0,
    [_pro],
    [0], 1
];
var DeleteContactMethodResult$ = [3, n0, _DCMRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteContainerImageRequest$ = [3, n0, _DCIR,
    0,
    [_sN, _im],
    [[0, 1], [0, 1]], 2
];
var DeleteContainerImageResult$ = [3, n0, _DCIRe,
    0,
    [],
    []
];
var DeleteContainerServiceRequest$ = [3, n0, _DCSR,
    0,
    [_sN],
    [[0, 1]], 1
];
var DeleteContainerServiceResult$ = [3, n0, _DCSRe,
    0,
    [],
    []
];
var DeleteDiskRequest$ = [3, n0, _DDR,
    0,
    [_dNi, _fDAO],
    [0, 2], 1
];
var DeleteDiskResult$ = [3, n0, _DDRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteDiskSnapshotRequest$ = [3, n0, _DDSR,
    0,
    [_dSN],
    [0], 1
];
var DeleteDiskSnapshotResult$ = [3, n0, _DDSRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteDistributionRequest$ = [3, n0, _DDRel,
    0,
    [_dN],
    [0]
];
var DeleteDistributionResult$ = [3, n0, _DDRele,
    0,
    [_op],
    [() => Operation$]
];
var DeleteDomainEntryRequest$ = [3, n0, _DDER,
    0,
    [_dNo, _dE],
    [0, () => DomainEntry$], 2
];
var DeleteDomainEntryResult$ = [3, n0, _DDERe,
    0,
    [_op],
    [() => Operation$]
];
var DeleteDomainRequest$ = [3, n0, _DDRelet,
    0,
    [_dNo],
    [0], 1
];
var DeleteDomainResult$ = [3, n0, _DDRelete,
    0,
    [_op],
    [() => Operation$]
];
var DeleteInstanceRequest$ = [3, n0, _DIR,
    0,
    [_iN, _fDAO],
    [0, 2], 1
];
var DeleteInstanceResult$ = [3, n0, _DIRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteInstanceSnapshotRequest$ = [3, n0, _DISR,
    0,
    [_iSN],
    [0], 1
];
var DeleteInstanceSnapshotResult$ = [3, n0, _DISRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteKeyPairRequest$ = [3, n0, _DKPR,
    0,
    [_kPN, _eF],
    [0, 0], 1
];
var DeleteKeyPairResult$ = [3, n0, _DKPRe,
    0,
    [_op],
    [() => Operation$]
];
var DeleteKnownHostKeysRequest$ = [3, n0, _DKHKR,
    0,
    [_iN],
    [0], 1
];
var DeleteKnownHostKeysResult$ = [3, n0, _DKHKRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteLoadBalancerRequest$ = [3, n0, _DLBR,
    0,
    [_lBN],
    [0], 1
];
var DeleteLoadBalancerResult$ = [3, n0, _DLBRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteLoadBalancerTlsCertificateRequest$ = [3, n0, _DLBTCR,
    0,
    [_lBN, _cN, _f],
    [0, 0, 2], 2
];
var DeleteLoadBalancerTlsCertificateResult$ = [3, n0, _DLBTCRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteRelationalDatabaseRequest$ = [3, n0, _DRDR,
    0,
    [_rDN, _sFS, _fRDSN],
    [0, 2, 0], 1
];
var DeleteRelationalDatabaseResult$ = [3, n0, _DRDRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteRelationalDatabaseSnapshotRequest$ = [3, n0, _DRDSR,
    0,
    [_rDSN],
    [0], 1
];
var DeleteRelationalDatabaseSnapshotResult$ = [3, n0, _DRDSRe,
    0,
    [_o],
    [() => OperationList]
];
var DeleteSubdomainRequest$ = [3, n0, _DSR,
    0,
    [_sNu],
    [0], 1
];
var DeleteSubdomainResult$ = [3, n0, _DSRe,
    0,
    [_su, _op],
    [() => Subdomain$, () => Operation$]
];
var DestinationInfo$ = [3, n0, _DI,
    0,
    [_i, _ser],
    [0, 0]
];
var DetachCertificateFromDistributionRequest$ = [3, n0, _DCFDR,
    0,
    [_dN],
    [0], 1
];
var DetachCertificateFromDistributionResult$ = [3, n0, _DCFDRe,
    0,
    [_op],
    [() => Operation$]
];
var DetachDiskRequest$ = [3, n0, _DDRet,
    0,
    [_dNi],
    [0], 1
];
var DetachDiskResult$ = [3, n0, _DDReta,
    0,
    [_o],
    [() => OperationList]
];
var DetachInstancesFromLoadBalancerRequest$ = [3, n0, _DIFLBR,
    0,
    [_lBN, _iNn],
    [0, 64 | 0], 2
];
var DetachInstancesFromLoadBalancerResult$ = [3, n0, _DIFLBRe,
    0,
    [_o],
    [() => OperationList]
];
var DetachStaticIpRequest$ = [3, n0, _DSIR,
    0,
    [_sIN],
    [0], 1
];
var DetachStaticIpResult$ = [3, n0, _DSIRe,
    0,
    [_o],
    [() => OperationList]
];
var DisableAddOnRequest$ = [3, n0, _DAOR,
    0,
    [_aOT, _rN],
    [0, 0], 2
];
var DisableAddOnResult$ = [3, n0, _DAORi,
    0,
    [_o],
    [() => OperationList]
];
var Disk$ = [3, n0, _D,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _aOd, _sIG, _iSD, _io, _pa, _stat, _aT, _iAst, _aS, _gIU, _aMS],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, () => AddOnList, 1, 2, 1, 0, 0, 0, 2, 0, 1, 0]
];
var DiskInfo$ = [3, n0, _DIi,
    0,
    [_n, _pa, _sIG, _iSD],
    [0, 0, 1, 2]
];
var DiskMap$ = [3, n0, _DM,
    0,
    [_oDP, _nDN],
    [0, 0]
];
var DiskSnapshot$ = [3, n0, _DS,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _sIG, _stat, _prog, _fDN, _fDA, _fIN, _fIA, _iFAS],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 1, 0, 0, 0, 0, 0, 0, 2]
];
var DiskSnapshotInfo$ = [3, n0, _DSI,
    0,
    [_sIG],
    [1]
];
var DistributionBundle$ = [3, n0, _DB,
    0,
    [_bIu, _n, _pri, _tPMIG, _iA],
    [0, 0, 1, 1, 2]
];
var DistributionCustomErrorResponse$ = [3, n0, _DCER,
    0,
    [_eC, _rC, _rPP, _eCMTTL],
    [1, 0, 0, 1]
];
var DnsRecordCreationState$ = [3, n0, _DRCS,
    0,
    [_co, _m],
    [0, 0]
];
var Domain$ = [3, n0, _Do,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _dEo, _rDDI],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, () => DomainEntryList, () => RegisteredDomainDelegationInfo$]
];
var DomainEntry$ = [3, n0, _DE,
    0,
    [_i, _n, _tar, _iAsl, _ty, _opti],
    [0, 0, 0, 2, 0, 128 | 0]
];
var DomainValidationRecord$ = [3, n0, _DVR,
    0,
    [_dNo, _rRe, _dRCS, _vS],
    [0, () => ResourceRecord$, () => DnsRecordCreationState$, 0]
];
var DownloadDefaultKeyPairRequest$ = [3, n0, _DDKPR,
    0,
    [],
    []
];
var DownloadDefaultKeyPairResult$ = [3, n0, _DDKPRo,
    0,
    [_pKB, _pKBr, _cA],
    [0, [() => SensitiveBase64, 0], 4]
];
var EnableAddOnRequest$ = [3, n0, _EAOR,
    0,
    [_rN, _aOR],
    [0, () => AddOnRequest$], 2
];
var EnableAddOnResult$ = [3, n0, _EAORn,
    0,
    [_o],
    [() => OperationList]
];
var EndpointRequest$ = [3, n0, _ER,
    0,
    [_cNo, _cPo, _hC],
    [0, 1, () => ContainerServiceHealthCheckConfig$], 2
];
var EstimateByTime$ = [3, n0, _EBT,
    0,
    [_uC, _pUr, _u, _cu, _tP],
    [1, 0, 1, 0, () => TimePeriod$]
];
var ExportSnapshotRecord$ = [3, n0, _ESR,
    0,
    [_n, _a, _cA, _l, _rT, _stat, _sI, _dI],
    [0, 0, 4, () => ResourceLocation$, 0, 0, () => ExportSnapshotRecordSourceInfo$, () => DestinationInfo$]
];
var ExportSnapshotRecordSourceInfo$ = [3, n0, _ESRSI,
    0,
    [_rT, _cA, _n, _a, _fRN, _fRA, _iSI, _dSI],
    [0, 4, 0, 0, 0, 0, () => InstanceSnapshotInfo$, () => DiskSnapshotInfo$]
];
var ExportSnapshotRequest$ = [3, n0, _ESRx,
    0,
    [_sSN],
    [0], 1
];
var ExportSnapshotResult$ = [3, n0, _ESRxp,
    0,
    [_o],
    [() => OperationList]
];
var GetActiveNamesRequest$ = [3, n0, _GANR,
    0,
    [_pT],
    [0]
];
var GetActiveNamesResult$ = [3, n0, _GANRe,
    0,
    [_aNc, _nPT],
    [64 | 0, 0]
];
var GetAlarmsRequest$ = [3, n0, _GAR,
    0,
    [_aN, _pT, _mRN],
    [[0, { [_hQ]: _aN }], [0, { [_hQ]: _pT }], [0, { [_hQ]: _mRN }]]
];
var GetAlarmsResult$ = [3, n0, _GARe,
    0,
    [_al, _nPT],
    [() => AlarmsList, 0]
];
var GetAutoSnapshotsRequest$ = [3, n0, _GASR,
    0,
    [_rN],
    [0], 1
];
var GetAutoSnapshotsResult$ = [3, n0, _GASRe,
    0,
    [_rN, _rT, _aSu],
    [0, 0, () => AutoSnapshotDetailsList]
];
var GetBlueprintsRequest$ = [3, n0, _GBR,
    0,
    [_iI, _pT, _aC],
    [2, 0, 0]
];
var GetBlueprintsResult$ = [3, n0, _GBRe,
    0,
    [_bl, _nPT],
    [() => BlueprintList, 0]
];
var GetBucketAccessKeysRequest$ = [3, n0, _GBAKR,
    0,
    [_bN],
    [0], 1
];
var GetBucketAccessKeysResult$ = [3, n0, _GBAKRe,
    0,
    [_aKc],
    [[() => AccessKeyList, 0]]
];
var GetBucketBundlesRequest$ = [3, n0, _GBBR,
    0,
    [_iI],
    [2]
];
var GetBucketBundlesResult$ = [3, n0, _GBBRe,
    0,
    [_bun],
    [() => BucketBundleList]
];
var GetBucketMetricDataRequest$ = [3, n0, _GBMDR,
    0,
    [_bN, _mN, _sT, _eT, _p, _stati, _u],
    [0, 0, 4, 4, 1, 64 | 0, 0], 7
];
var GetBucketMetricDataResult$ = [3, n0, _GBMDRe,
    0,
    [_mN, _mD],
    [0, () => MetricDatapointList]
];
var GetBucketsRequest$ = [3, n0, _GBRet,
    0,
    [_bN, _pT, _iCR, _iC],
    [0, 0, 2, 2]
];
var GetBucketsResult$ = [3, n0, _GBRetu,
    0,
    [_buc, _nPT, _aLBS],
    [() => BucketList, 0, () => AccountLevelBpaSync$]
];
var GetBundlesRequest$ = [3, n0, _GBRetun,
    0,
    [_iI, _pT, _aC],
    [2, 0, 0]
];
var GetBundlesResult$ = [3, n0, _GBRetund,
    0,
    [_bun, _nPT],
    [() => BundleList, 0]
];
var GetCertificatesRequest$ = [3, n0, _GCR,
    0,
    [_cSe, _iCD, _cN, _pT],
    [64 | 0, 2, 0, 0]
];
var GetCertificatesResult$ = [3, n0, _GCRe,
    0,
    [_cer, _nPT],
    [() => CertificateSummaryList, 0]
];
var GetCloudFormationStackRecordsRequest$ = [3, n0, _GCFSRR,
    0,
    [_pT],
    [0]
];
var GetCloudFormationStackRecordsResult$ = [3, n0, _GCFSRRe,
    0,
    [_cFSR, _nPT],
    [() => CloudFormationStackRecordList, 0]
];
var GetContactMethodsRequest$ = [3, n0, _GCMR,
    0,
    [_prot],
    [[64 | 0, { [_hQ]: _prot }]]
];
var GetContactMethodsResult$ = [3, n0, _GCMRe,
    0,
    [_cM],
    [() => ContactMethodsList]
];
var GetContainerAPIMetadataRequest$ = [3, n0, _GCAPIMR,
    0,
    [],
    []
];
var GetContainerAPIMetadataResult$ = [3, n0, _GCAPIMRe,
    0,
    [_me],
    [[1, n0, _CSMEL, 0, 128 | 0]]
];
var GetContainerImagesRequest$ = [3, n0, _GCIR,
    0,
    [_sN],
    [[0, 1]], 1
];
var GetContainerImagesResult$ = [3, n0, _GCIRe,
    0,
    [_cI],
    [() => ContainerImageList]
];
var GetContainerLogRequest$ = [3, n0, _GCLR,
    0,
    [_sN, _cNo, _sT, _eT, _fP, _pT],
    [[0, 1], [0, 1], [4, { [_hQ]: _sT }], [4, { [_hQ]: _eT }], [0, { [_hQ]: _fP }], [0, { [_hQ]: _pT }]], 2
];
var GetContainerLogResult$ = [3, n0, _GCLRe,
    0,
    [_lE, _nPT],
    [() => ContainerServiceLogEventList, 0]
];
var GetContainerServiceDeploymentsRequest$ = [3, n0, _GCSDR,
    0,
    [_sN],
    [[0, 1]], 1
];
var GetContainerServiceDeploymentsResult$ = [3, n0, _GCSDRe,
    0,
    [_depl],
    [() => ContainerServiceDeploymentList]
];
var GetContainerServiceMetricDataRequest$ = [3, n0, _GCSMDR,
    0,
    [_sN, _mN, _sT, _eT, _p, _stati],
    [[0, 1], [0, { [_hQ]: _mN }], [4, { [_hQ]: _sT }], [4, { [_hQ]: _eT }], [1, { [_hQ]: _p }], [64 | 0, { [_hQ]: _stati }]], 6
];
var GetContainerServiceMetricDataResult$ = [3, n0, _GCSMDRe,
    0,
    [_mN, _mD],
    [0, () => MetricDatapointList]
];
var GetContainerServicePowersRequest$ = [3, n0, _GCSPR,
    0,
    [],
    []
];
var GetContainerServicePowersResult$ = [3, n0, _GCSPRe,
    0,
    [_pow],
    [() => ContainerServicePowerList]
];
var GetContainerServicesRequest$ = [3, n0, _GCSR,
    0,
    [_sN],
    [[0, { [_hQ]: _sN }]]
];
var GetCostEstimateRequest$ = [3, n0, _GCER,
    0,
    [_rN, _sT, _eT],
    [0, 4, 4], 3
];
var GetCostEstimateResult$ = [3, n0, _GCERe,
    0,
    [_rBE],
    [() => ResourcesBudgetEstimate]
];
var GetDiskRequest$ = [3, n0, _GDR,
    0,
    [_dNi],
    [0], 1
];
var GetDiskResult$ = [3, n0, _GDRe,
    0,
    [_disk],
    [() => Disk$]
];
var GetDiskSnapshotRequest$ = [3, n0, _GDSR,
    0,
    [_dSN],
    [0], 1
];
var GetDiskSnapshotResult$ = [3, n0, _GDSRe,
    0,
    [_dS],
    [() => DiskSnapshot$]
];
var GetDiskSnapshotsRequest$ = [3, n0, _GDSRet,
    0,
    [_pT],
    [0]
];
var GetDiskSnapshotsResult$ = [3, n0, _GDSReti,
    0,
    [_dSi, _nPT],
    [() => DiskSnapshotList, 0]
];
var GetDisksRequest$ = [3, n0, _GDRet,
    0,
    [_pT],
    [0]
];
var GetDisksResult$ = [3, n0, _GDReti,
    0,
    [_disks, _nPT],
    [() => DiskList, 0]
];
var GetDistributionBundlesRequest$ = [3, n0, _GDBR,
    0,
    [],
    []
];
var GetDistributionBundlesResult$ = [3, n0, _GDBRe,
    0,
    [_bun],
    [() => DistributionBundleList]
];
var GetDistributionLatestCacheResetRequest$ = [3, n0, _GDLCRR,
    0,
    [_dN],
    [0]
];
var GetDistributionLatestCacheResetResult$ = [3, n0, _GDLCRRe,
    0,
    [_st, _cT],
    [0, 4]
];
var GetDistributionMetricDataRequest$ = [3, n0, _GDMDR,
    0,
    [_dN, _mN, _sT, _eT, _p, _u, _stati],
    [0, 0, 4, 4, 1, 0, 64 | 0], 7
];
var GetDistributionMetricDataResult$ = [3, n0, _GDMDRe,
    0,
    [_mN, _mD],
    [0, () => MetricDatapointList]
];
var GetDistributionsRequest$ = [3, n0, _GDRetis,
    0,
    [_dN, _pT],
    [0, 0]
];
var GetDistributionsResult$ = [3, n0, _GDRetist,
    0,
    [_dist, _nPT],
    [() => DistributionList, 0]
];
var GetDomainRequest$ = [3, n0, _GDReto,
    0,
    [_dNo],
    [0], 1
];
var GetDomainResult$ = [3, n0, _GDRetom,
    0,
    [_do],
    [() => Domain$]
];
var GetDomainsRequest$ = [3, n0, _GDRetoma,
    0,
    [_pT],
    [0]
];
var GetDomainsResult$ = [3, n0, _GDRetomai,
    0,
    [_dom, _nPT],
    [() => DomainList, 0]
];
var GetExportSnapshotRecordsRequest$ = [3, n0, _GESRR,
    0,
    [_pT],
    [0]
];
var GetExportSnapshotRecordsResult$ = [3, n0, _GESRRe,
    0,
    [_eSR, _nPT],
    [() => ExportSnapshotRecordList, 0]
];
var GetInstanceAccessDetailsRequest$ = [3, n0, _GIADR,
    0,
    [_iN, _pro],
    [0, 0], 1
];
var GetInstanceAccessDetailsResult$ = [3, n0, _GIADRe,
    0,
    [_aD],
    [[() => InstanceAccessDetails$, 0]]
];
var GetInstanceMetricDataRequest$ = [3, n0, _GIMDR,
    0,
    [_iN, _mN, _p, _sT, _eT, _u, _stati],
    [0, 0, 1, 4, 4, 0, 64 | 0], 7
];
var GetInstanceMetricDataResult$ = [3, n0, _GIMDRe,
    0,
    [_mN, _mD],
    [0, () => MetricDatapointList]
];
var GetInstancePortStatesRequest$ = [3, n0, _GIPSR,
    0,
    [_iN],
    [0], 1
];
var GetInstancePortStatesResult$ = [3, n0, _GIPSRe,
    0,
    [_pS],
    [() => InstancePortStateList]
];
var GetInstanceRequest$ = [3, n0, _GIR,
    0,
    [_iN, _iHS],
    [0, 2], 1
];
var GetInstanceResult$ = [3, n0, _GIRe,
    0,
    [_ins],
    [() => Instance$]
];
var GetInstanceSnapshotRequest$ = [3, n0, _GISR,
    0,
    [_iSN],
    [0], 1
];
var GetInstanceSnapshotResult$ = [3, n0, _GISRe,
    0,
    [_iSn],
    [() => InstanceSnapshot$]
];
var GetInstanceSnapshotsRequest$ = [3, n0, _GISRet,
    0,
    [_pT],
    [0]
];
var GetInstanceSnapshotsResult$ = [3, n0, _GISRetn,
    0,
    [_iSns, _nPT],
    [() => InstanceSnapshotList, 0]
];
var GetInstancesRequest$ = [3, n0, _GIRet,
    0,
    [_pT, _iHS],
    [0, 2]
];
var GetInstancesResult$ = [3, n0, _GIRetn,
    0,
    [_in, _nPT],
    [() => InstanceList, 0]
];
var GetInstanceStateRequest$ = [3, n0, _GISRetns,
    0,
    [_iN],
    [0], 1
];
var GetInstanceStateResult$ = [3, n0, _GISRetnst,
    0,
    [_stat],
    [() => InstanceState$]
];
var GetKeyPairRequest$ = [3, n0, _GKPR,
    0,
    [_kPN],
    [0], 1
];
var GetKeyPairResult$ = [3, n0, _GKPRe,
    0,
    [_kP],
    [() => KeyPair$]
];
var GetKeyPairsRequest$ = [3, n0, _GKPRet,
    0,
    [_pT, _iDKP],
    [0, 2]
];
var GetKeyPairsResult$ = [3, n0, _GKPRete,
    0,
    [_kPe, _nPT],
    [() => KeyPairList, 0]
];
var GetLoadBalancerMetricDataRequest$ = [3, n0, _GLBMDR,
    0,
    [_lBN, _mN, _p, _sT, _eT, _u, _stati],
    [0, 0, 1, 4, 4, 0, 64 | 0], 7
];
var GetLoadBalancerMetricDataResult$ = [3, n0, _GLBMDRe,
    0,
    [_mN, _mD],
    [0, () => MetricDatapointList]
];
var GetLoadBalancerRequest$ = [3, n0, _GLBR,
    0,
    [_lBN],
    [0], 1
];
var GetLoadBalancerResult$ = [3, n0, _GLBRe,
    0,
    [_lB],
    [() => LoadBalancer$]
];
var GetLoadBalancersRequest$ = [3, n0, _GLBRet,
    0,
    [_pT],
    [0]
];
var GetLoadBalancersResult$ = [3, n0, _GLBReto,
    0,
    [_lBo, _nPT],
    [() => LoadBalancerList, 0]
];
var GetLoadBalancerTlsCertificatesRequest$ = [3, n0, _GLBTCR,
    0,
    [_lBN],
    [0], 1
];
var GetLoadBalancerTlsCertificatesResult$ = [3, n0, _GLBTCRe,
    0,
    [_tC],
    [() => LoadBalancerTlsCertificateList]
];
var GetLoadBalancerTlsPoliciesRequest$ = [3, n0, _GLBTPR,
    0,
    [_pT],
    [0]
];
var GetLoadBalancerTlsPoliciesResult$ = [3, n0, _GLBTPRe,
    0,
    [_tPl, _nPT],
    [() => LoadBalancerTlsPolicyList, 0]
];
var GetOperationRequest$ = [3, n0, _GOR,
    0,
    [_oI],
    [0], 1
];
var GetOperationResult$ = [3, n0, _GORe,
    0,
    [_op],
    [() => Operation$]
];
var GetOperationsForResourceRequest$ = [3, n0, _GOFRR,
    0,
    [_rN, _pT],
    [0, 0], 1
];
var GetOperationsForResourceResult$ = [3, n0, _GOFRRe,
    0,
    [_o, _nPC, _nPT],
    [() => OperationList, 0, 0]
];
var GetOperationsRequest$ = [3, n0, _GORet,
    0,
    [_pT],
    [0]
];
var GetOperationsResult$ = [3, n0, _GORetp,
    0,
    [_o, _nPT],
    [() => OperationList, 0]
];
var GetProfileRequest$ = [3, n0, _GPR,
    0,
    [],
    []
];
var GetProfileResult$ = [3, n0, _GPRe,
    0,
    [_pTr, _par],
    [0, () => PartnerInfo$], 1
];
var GetRegionsRequest$ = [3, n0, _GRR,
    0,
    [_iAZ, _iRDAZ],
    [2, 2]
];
var GetRegionsResult$ = [3, n0, _GRRe,
    0,
    [_regi],
    [() => RegionList]
];
var GetRelationalDatabaseBlueprintsRequest$ = [3, n0, _GRDBR,
    0,
    [_pT],
    [0]
];
var GetRelationalDatabaseBlueprintsResult$ = [3, n0, _GRDBRe,
    0,
    [_bl, _nPT],
    [() => RelationalDatabaseBlueprintList, 0]
];
var GetRelationalDatabaseBundlesRequest$ = [3, n0, _GRDBRet,
    0,
    [_pT, _iI],
    [0, 2]
];
var GetRelationalDatabaseBundlesResult$ = [3, n0, _GRDBRete,
    0,
    [_bun, _nPT],
    [() => RelationalDatabaseBundleList, 0]
];
var GetRelationalDatabaseEventsRequest$ = [3, n0, _GRDER,
    0,
    [_rDN, _dIM, _pT],
    [0, 1, 0], 1
];
var GetRelationalDatabaseEventsResult$ = [3, n0, _GRDERe,
    0,
    [_rDE, _nPT],
    [() => RelationalDatabaseEventList, 0]
];
var GetRelationalDatabaseLogEventsRequest$ = [3, n0, _GRDLER,
    0,
    [_rDN, _lSN, _sT, _eT, _sFH, _pT],
    [0, 0, 4, 4, 2, 0], 2
];
var GetRelationalDatabaseLogEventsResult$ = [3, n0, _GRDLERe,
    0,
    [_rLE, _nBT, _nFT],
    [() => LogEventList, 0, 0]
];
var GetRelationalDatabaseLogStreamsRequest$ = [3, n0, _GRDLSR,
    0,
    [_rDN],
    [0], 1
];
var GetRelationalDatabaseLogStreamsResult$ = [3, n0, _GRDLSRe,
    0,
    [_lS],
    [64 | 0]
];
var GetRelationalDatabaseMasterUserPasswordRequest$ = [3, n0, _GRDMUPR,
    0,
    [_rDN, _pV],
    [0, 0], 1
];
var GetRelationalDatabaseMasterUserPasswordResult$ = [3, n0, _GRDMUPRe,
    0,
    [_mUP, _cA],
    [[() => SensitiveString, 0], 4]
];
var GetRelationalDatabaseMetricDataRequest$ = [3, n0, _GRDMDR,
    0,
    [_rDN, _mN, _p, _sT, _eT, _u, _stati],
    [0, 0, 1, 4, 4, 0, 64 | 0], 7
];
var GetRelationalDatabaseMetricDataResult$ = [3, n0, _GRDMDRe,
    0,
    [_mN, _mD],
    [0, () => MetricDatapointList]
];
var GetRelationalDatabaseParametersRequest$ = [3, n0, _GRDPR,
    0,
    [_rDN, _pT],
    [0, 0], 1
];
var GetRelationalDatabaseParametersResult$ = [3, n0, _GRDPRe,
    0,
    [_para, _nPT],
    [() => RelationalDatabaseParameterList, 0]
];
var GetRelationalDatabaseRequest$ = [3, n0, _GRDR,
    0,
    [_rDN],
    [0], 1
];
var GetRelationalDatabaseResult$ = [3, n0, _GRDRe,
    0,
    [_rDe],
    [[() => RelationalDatabase$, 0]]
];
var GetRelationalDatabaseSnapshotRequest$ = [3, n0, _GRDSR,
    0,
    [_rDSN],
    [0], 1
];
var GetRelationalDatabaseSnapshotResult$ = [3, n0, _GRDSRe,
    0,
    [_rDS],
    [() => RelationalDatabaseSnapshot$]
];
var GetRelationalDatabaseSnapshotsRequest$ = [3, n0, _GRDSRet,
    0,
    [_pT],
    [0]
];
var GetRelationalDatabaseSnapshotsResult$ = [3, n0, _GRDSRete,
    0,
    [_rDSe, _nPT],
    [() => RelationalDatabaseSnapshotList, 0]
];
var GetRelationalDatabasesRequest$ = [3, n0, _GRDRet,
    0,
    [_pT],
    [0]
];
var GetRelationalDatabasesResult$ = [3, n0, _GRDRete,
    0,
    [_rDel, _nPT],
    [[() => RelationalDatabaseList, 0], 0]
];
var GetSetupHistoryRequest$ = [3, n0, _GSHR,
    0,
    [_rN, _pT],
    [0, 0], 1
];
var GetSetupHistoryResult$ = [3, n0, _GSHRe,
    0,
    [_sH, _nPT],
    [() => setupHistoryList, 0]
];
var GetStaticIpRequest$ = [3, n0, _GSIR,
    0,
    [_sIN],
    [0], 1
];
var GetStaticIpResult$ = [3, n0, _GSIRe,
    0,
    [_sIt],
    [() => StaticIp$]
];
var GetStaticIpsRequest$ = [3, n0, _GSIRet,
    0,
    [_pT],
    [0]
];
var GetStaticIpsResult$ = [3, n0, _GSIRett,
    0,
    [_sIta, _nPT],
    [() => StaticIpList, 0]
];
var GetSubdomainsRequest$ = [3, n0, _GSR,
    0,
    [_sNu, _pT],
    [0, 0]
];
var GetSubdomainsResult$ = [3, n0, _GSRe,
    0,
    [_sub, _nPT],
    [() => SubdomainList, 0]
];
var HeaderObject$ = [3, n0, _HO,
    0,
    [_opt, _hAL],
    [0, 64 | 0]
];
var HostKeyAttributes$ = [3, n0, _HKA,
    0,
    [_alg, _pK, _wA, _fSHA, _fSHAi, _nVB, _nVA],
    [0, 0, 4, 0, 0, 4, 4]
];
var ImportKeyPairRequest$ = [3, n0, _IKPR,
    0,
    [_kPN, _pKB],
    [0, 0], 2
];
var ImportKeyPairResult$ = [3, n0, _IKPRm,
    0,
    [_op],
    [() => Operation$]
];
var InputOrigin$ = [3, n0, _IO,
    0,
    [_n, _rNe, _pP, _rTes, _iAT],
    [0, 0, 0, 1, 0]
];
var Instance$ = [3, n0, _I,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _bI, _bNl, _bIu, _aOd, _iSIs, _pIA, _pIAu, _iAp, _iAT, _h, _ne, _stat, _us, _sKN, _mO, _iSnst, _sS],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0, 0, 0, () => AddOnList, 2, 0, 0, 64 | 0, 0, () => InstanceHardware$, () => InstanceNetworking$, () => InstanceState$, 0, 0, () => InstanceMetadataOptions$, () => InstanceHealthStatus$, () => InstanceHealthStatus$]
];
var InstanceAccessDetails$ = [3, n0, _IAD,
    0,
    [_cK, _eA, _iApd, _iAp, _pas, _pD, _pKr, _pro, _iN, _us, _hK],
    [0, 4, 0, 64 | 0, [() => SensitiveString, 0], [() => PasswordData$, 0], [() => SensitiveString, 0], 0, 0, 0, () => HostKeysList]
];
var InstanceAttributeUpdates$ = [3, n0, _IAU,
    0,
    [_bIu],
    [0]
];
var InstanceEntry$ = [3, n0, _IE,
    0,
    [_sNo, _iT, _pIS, _aZ, _uD],
    [0, 0, 0, 0, 0], 4
];
var InstanceHardware$ = [3, n0, _IH,
    0,
    [_cC, _disks, _rSIG],
    [1, () => DiskList, 1]
];
var InstanceHealthStatus$ = [3, n0, _IHS,
    0,
    [_st, _det],
    [0, () => InstanceHealthStatusDetailList]
];
var InstanceHealthStatusDetail$ = [3, n0, _IHSD,
    0,
    [_n, _st, _iSm],
    [0, 0, 4]
];
var InstanceHealthSummary$ = [3, n0, _IHSn,
    0,
    [_iN, _iH, _iHR],
    [0, 0, 0]
];
var InstanceMetadataOptions$ = [3, n0, _IMO,
    0,
    [_stat, _hTt, _hEt, _hPRHL, _hPI],
    [0, 0, 0, 1, 0]
];
var InstanceNetworking$ = [3, n0, _IN,
    0,
    [_mT, _por],
    [() => MonthlyTransfer$, () => InstancePortInfoList]
];
var InstancePortInfo$ = [3, n0, _IPI,
    0,
    [_fPr, _tPo, _pro, _aF, _aTc, _cNom, _aDc, _ci, _iCp, _cLA],
    [1, 1, 0, 0, 0, 0, 0, 64 | 0, 64 | 0, 64 | 0]
];
var InstancePortState$ = [3, n0, _IPS,
    0,
    [_fPr, _tPo, _pro, _stat, _ci, _iCp, _cLA],
    [1, 1, 0, 0, 64 | 0, 64 | 0, 64 | 0]
];
var InstanceSnapshot$ = [3, n0, _IS,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _stat, _prog, _fAD, _fIN, _fIA, _fBI, _fBIr, _iFAS, _sIG],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0, 0, () => DiskList, 0, 0, 0, 0, 2, 1]
];
var InstanceSnapshotInfo$ = [3, n0, _ISI,
    0,
    [_fBIr, _fBI, _fDI],
    [0, 0, () => DiskInfoList]
];
var InstanceState$ = [3, n0, _ISn,
    0,
    [_co, _n],
    [1, 0]
];
var IsVpcPeeredRequest$ = [3, n0, _IVPR,
    0,
    [],
    []
];
var IsVpcPeeredResult$ = [3, n0, _IVPRs,
    0,
    [_iPs],
    [2]
];
var KeyPair$ = [3, n0, _KP,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _fi],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0]
];
var LightsailDistribution$ = [3, n0, _LD,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _aDN, _st, _iE, _dNo, _bIu, _cN, _or, _oPDNS, _dCB, _cBS, _cB, _aTUB, _iAT, _ta, _vMTPV, _dRO, _cER, _w, _su],
    [0, 0, 0, 4, () => ResourceLocation$, 0, 64 | 0, 0, 2, 0, 0, 0, () => Origin$, 0, () => CacheBehavior$, () => CacheSettings$, () => CacheBehaviorList, 2, 0, () => TagList, 0, 0, () => DistributionCustomErrorResponseList, () => WafConfig$, () => LightsailDistributionSubdomain$]
];
var LightsailDistributionSubdomain$ = [3, n0, _LDS,
    0,
    [_n, _stat, _eC, _eD],
    [0, 0, 0, 0], 2
];
var LoadBalancer$ = [3, n0, _LB,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _dNn, _stat, _pro, _pPu, _hCP, _iP, _iHSn, _tCS, _cOo, _iAT, _hRE, _tPN],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0, 0, 0, 64 | 1, 0, 1, () => InstanceHealthSummaryList, () => LoadBalancerTlsCertificateSummaryList, 128 | 0, 0, 2, 0]
];
var LoadBalancerTlsCertificate$ = [3, n0, _LBTC,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _lBN, _iAst, _st, _dNo, _dVR, _fR, _iAs, _is, _kA, _nA, _nB, _rS, _rR, _rA, _seri, _sA, _subj, _sAN],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0, 2, 0, 0, () => LoadBalancerTlsCertificateDomainValidationRecordList, 0, 4, 0, 0, 4, 4, () => LoadBalancerTlsCertificateRenewalSummary$, 0, 4, 0, 0, 0, 64 | 0]
];
var LoadBalancerTlsCertificateDnsRecordCreationState$ = [3, n0, _LBTCDRCS,
    0,
    [_co, _m],
    [0, 0]
];
var LoadBalancerTlsCertificateDomainValidationOption$ = [3, n0, _LBTCDVO,
    0,
    [_dNo, _vS],
    [0, 0]
];
var LoadBalancerTlsCertificateDomainValidationRecord$ = [3, n0, _LBTCDVR,
    0,
    [_n, _ty, _va, _vS, _dNo, _dRCS],
    [0, 0, 0, 0, 0, () => LoadBalancerTlsCertificateDnsRecordCreationState$]
];
var LoadBalancerTlsCertificateRenewalSummary$ = [3, n0, _LBTCRS,
    0,
    [_rSe, _dVO],
    [0, () => LoadBalancerTlsCertificateDomainValidationOptionList]
];
var LoadBalancerTlsCertificateSummary$ = [3, n0, _LBTCS,
    0,
    [_n, _iAst],
    [0, 2]
];
var LoadBalancerTlsPolicy$ = [3, n0, _LBTP,
    0,
    [_n, _iDs, _de, _prot, _cip],
    [0, 2, 0, 64 | 0, 64 | 0]
];
var LogEvent$ = [3, n0, _LE,
    0,
    [_cA, _m],
    [4, 0]
];
var MetricDatapoint$ = [3, n0, _MD,
    0,
    [_ave, _ma, _mi, _sCa, _sum, _ti, _u],
    [1, 1, 1, 1, 1, 4, 0]
];
var MonitoredResourceInfo$ = [3, n0, _MRI,
    0,
    [_a, _n, _rT],
    [0, 0, 0]
];
var MonthlyTransfer$ = [3, n0, _MT,
    0,
    [_gPMA],
    [1]
];
var NameServersUpdateState$ = [3, n0, _NSUS,
    0,
    [_co, _m],
    [0, 0]
];
var OpenInstancePublicPortsRequest$ = [3, n0, _OIPPR,
    0,
    [_pI, _iN],
    [() => PortInfo$, 0], 2
];
var OpenInstancePublicPortsResult$ = [3, n0, _OIPPRp,
    0,
    [_op],
    [() => Operation$]
];
var Operation$ = [3, n0, _O,
    0,
    [_i, _rN, _rT, _cA, _l, _iTs, _oD, _oT, _st, _sCA, _eC, _eD],
    [0, 0, 0, 4, () => ResourceLocation$, 2, 0, 0, 0, 4, 0, 0]
];
var Origin$ = [3, n0, _Or,
    0,
    [_n, _rT, _rNe, _pP, _rTes, _iAT, _iPOAE],
    [0, 0, 0, 0, 1, 0, 2]
];
var PartnerInfo$ = [3, n0, _PI,
    0,
    [_eAn, _st, _tN],
    [4, 0, 0], 2
];
var PasswordData$ = [3, n0, _PD,
    0,
    [_ciph, _kPN],
    [[() => SensitiveString, 0], 0]
];
var PeerVpcRequest$ = [3, n0, _PVR,
    0,
    [],
    []
];
var PeerVpcResult$ = [3, n0, _PVRe,
    0,
    [_op],
    [() => Operation$]
];
var PendingMaintenanceAction$ = [3, n0, _PMA,
    0,
    [_ac, _de, _cAD],
    [0, 0, 4]
];
var PendingModifiedRelationalDatabaseValues$ = [3, n0, _PMRDV,
    0,
    [_mUP, _eV, _bRE],
    [[() => SensitiveString, 0], 0, 2]
];
var PortInfo$ = [3, n0, _PIo,
    0,
    [_fPr, _tPo, _pro, _ci, _iCp, _cLA],
    [1, 1, 0, 64 | 0, 64 | 0, 64 | 0]
];
var PrivateRegistryAccess$ = [3, n0, _PRA,
    0,
    [_eIPR],
    [() => ContainerServiceECRImagePullerRole$]
];
var PrivateRegistryAccessRequest$ = [3, n0, _PRAR,
    0,
    [_eIPR],
    [() => ContainerServiceECRImagePullerRoleRequest$]
];
var PutAlarmRequest$ = [3, n0, _PAR,
    0,
    [_aN, _mN, _mRN, _cO, _th, _eP, _dTA, _tMD, _cP, _nT, _nE, _ta],
    [0, 0, 0, 0, 1, 1, 1, 0, 64 | 0, 64 | 0, 2, () => TagList], 6
];
var PutAlarmResult$ = [3, n0, _PARu,
    0,
    [_o],
    [() => OperationList]
];
var PutInstancePublicPortsRequest$ = [3, n0, _PIPPR,
    0,
    [_pIor, _iN],
    [() => PortInfoList, 0], 2
];
var PutInstancePublicPortsResult$ = [3, n0, _PIPPRu,
    0,
    [_op],
    [() => Operation$]
];
var QueryStringObject$ = [3, n0, _QSO,
    0,
    [_opt, _qSAL],
    [2, 64 | 0]
];
var R53HostedZoneDeletionState$ = [3, n0, _RHZDS,
    0,
    [_co, _m],
    [0, 0]
];
var RebootInstanceRequest$ = [3, n0, _RIR,
    0,
    [_iN],
    [0], 1
];
var RebootInstanceResult$ = [3, n0, _RIRe,
    0,
    [_o],
    [() => OperationList]
];
var RebootRelationalDatabaseRequest$ = [3, n0, _RRDR,
    0,
    [_rDN],
    [0], 1
];
var RebootRelationalDatabaseResult$ = [3, n0, _RRDRe,
    0,
    [_o],
    [() => OperationList]
];
var Region$ = [3, n0, _R,
    0,
    [_cCo, _de, _dNis, _n, _aZv, _rDAZ],
    [0, 0, 0, 0, () => AvailabilityZoneList, () => AvailabilityZoneList]
];
var RegisterContainerImageRequest$ = [3, n0, _RCIR,
    0,
    [_sN, _la, _di],
    [[0, 1], 0, 0], 3
];
var RegisterContainerImageResult$ = [3, n0, _RCIRe,
    0,
    [_cIo],
    [() => ContainerImage$]
];
var RegisteredDomainDelegationInfo$ = [3, n0, _RDDI,
    0,
    [_nSUS, _rHZDS],
    [() => NameServersUpdateState$, () => R53HostedZoneDeletionState$]
];
var RelationalDatabase$ = [3, n0, _RD,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _rDBIe, _rDBI, _mDN, _h, _stat, _sAZ, _bRE, _pMV, _eng, _eV, _lRT, _mU, _pAS, _pBW, _pMW, _pAu, _mE, _pMA, _cCI],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0, 0, 0, () => RelationalDatabaseHardware$, 0, 0, 2, [() => PendingModifiedRelationalDatabaseValues$, 0], 0, 0, 4, 0, 0, 0, 0, 2, () => RelationalDatabaseEndpoint$, () => PendingMaintenanceActionList, 0]
];
var RelationalDatabaseBlueprint$ = [3, n0, _RDB,
    0,
    [_bI, _eng, _eV, _eDn, _eVD, _iED],
    [0, 0, 0, 0, 0, 2]
];
var RelationalDatabaseBundle$ = [3, n0, _RDBe,
    0,
    [_bIu, _n, _pri, _rSIG, _dSIG, _tPMIG, _cC, _iEs, _iA],
    [0, 0, 1, 1, 1, 1, 1, 2, 2]
];
var RelationalDatabaseEndpoint$ = [3, n0, _RDE,
    0,
    [_port, _ad],
    [1, 0]
];
var RelationalDatabaseEvent$ = [3, n0, _RDEe,
    0,
    [_res, _cA, _m, _eCv],
    [0, 4, 0, 64 | 0]
];
var RelationalDatabaseHardware$ = [3, n0, _RDH,
    0,
    [_cC, _dSIG, _rSIG],
    [1, 1, 1]
];
var RelationalDatabaseParameter$ = [3, n0, _RDP,
    0,
    [_aV, _aMp, _aTp, _dT, _de, _iM, _pN, _pVa],
    [0, 0, 0, 0, 0, 2, 0, 0]
];
var RelationalDatabaseSnapshot$ = [3, n0, _RDS,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _ta, _eng, _eV, _sIG, _stat, _fRDN, _fRDA, _fRDBI, _fRDBIr],
    [0, 0, 0, 4, () => ResourceLocation$, 0, () => TagList, 0, 0, 1, 0, 0, 0, 0, 0]
];
var ReleaseStaticIpRequest$ = [3, n0, _RSIR,
    0,
    [_sIN],
    [0], 1
];
var ReleaseStaticIpResult$ = [3, n0, _RSIRe,
    0,
    [_o],
    [() => OperationList]
];
var RenewalSummary$ = [3, n0, _RS,
    0,
    [_dVR, _rSe, _rSR, _uA],
    [() => DomainValidationRecordList, 0, 0, 4]
];
var ResetDistributionCacheRequest$ = [3, n0, _RDCR,
    0,
    [_dN],
    [0]
];
var ResetDistributionCacheResult$ = [3, n0, _RDCRe,
    0,
    [_st, _cT, _op],
    [0, 4, () => Operation$]
];
var ResourceBudgetEstimate$ = [3, n0, _RBE,
    0,
    [_rN, _rT, _cEo, _sT, _eT],
    [0, 0, () => CostEstimates, 4, 4]
];
var ResourceLocation$ = [3, n0, _RL,
    0,
    [_aZ, _rNe],
    [0, 0]
];
var ResourceReceivingAccess$ = [3, n0, _RRA,
    0,
    [_n, _rT],
    [0, 0]
];
var ResourceRecord$ = [3, n0, _RR,
    0,
    [_n, _ty, _va],
    [0, 0, 0]
];
var SendContactMethodVerificationRequest$ = [3, n0, _SCMVR,
    0,
    [_pro],
    [0], 1
];
var SendContactMethodVerificationResult$ = [3, n0, _SCMVRe,
    0,
    [_o],
    [() => OperationList]
];
var Session$ = [3, n0, _S,
    0,
    [_n, _ur, _iPsr],
    [0, [() => SensitiveNonEmptyString, 0], 2]
];
var SetIpAddressTypeRequest$ = [3, n0, _SIATR,
    0,
    [_rT, _rN, _iAT, _aBU],
    [0, 0, 0, 2], 3
];
var SetIpAddressTypeResult$ = [3, n0, _SIATRe,
    0,
    [_o],
    [() => OperationList]
];
var SetResourceAccessForBucketRequest$ = [3, n0, _SRAFBR,
    0,
    [_rN, _bN, _acc],
    [0, 0, 0], 3
];
var SetResourceAccessForBucketResult$ = [3, n0, _SRAFBRe,
    0,
    [_o],
    [() => OperationList]
];
var SetupExecutionDetails$ = [3, n0, _SED,
    0,
    [_com, _dTa, _n, _st, _sE, _sO, _v],
    [0, 4, 0, 0, 0, 0, 0]
];
var SetupHistory$ = [3, n0, _SH,
    0,
    [_oI, _req, _res, _eDx, _st],
    [0, () => SetupRequest$, () => SetupHistoryResource$, () => SetupExecutionDetailsList, 0]
];
var SetupHistoryResource$ = [3, n0, _SHR,
    0,
    [_n, _a, _cA, _l, _rT],
    [0, 0, 4, () => ResourceLocation$, 0]
];
var SetupInstanceHttpsRequest$ = [3, n0, _SIHR,
    0,
    [_iN, _eAm, _dNom, _cPe],
    [0, [() => EmailAddress, 0], 64 | 0, 0], 4
];
var SetupInstanceHttpsResult$ = [3, n0, _SIHRe,
    0,
    [_o],
    [() => OperationList]
];
var SetupRequest$ = [3, n0, _SR,
    0,
    [_iN, _dNom, _cPe],
    [0, 64 | 0, 0]
];
var StartGUISessionRequest$ = [3, n0, _SGUISR,
    0,
    [_rN],
    [0], 1
];
var StartGUISessionResult$ = [3, n0, _SGUISRt,
    0,
    [_o],
    [() => OperationList]
];
var StartInstanceRequest$ = [3, n0, _SIR,
    0,
    [_iN, _aU],
    [0, () => InstanceAttributeUpdates$], 1
];
var StartInstanceResult$ = [3, n0, _SIRt,
    0,
    [_o],
    [() => OperationList]
];
var StartRelationalDatabaseRequest$ = [3, n0, _SRDR,
    0,
    [_rDN],
    [0], 1
];
var StartRelationalDatabaseResult$ = [3, n0, _SRDRt,
    0,
    [_o],
    [() => OperationList]
];
var StaticIp$ = [3, n0, _SI,
    0,
    [_n, _a, _sC, _cA, _l, _rT, _iApd, _aT, _iAst],
    [0, 0, 0, 4, () => ResourceLocation$, 0, 0, 0, 2]
];
var StopGUISessionRequest$ = [3, n0, _SGUISRto,
    0,
    [_rN],
    [0], 1
];
var StopGUISessionResult$ = [3, n0, _SGUISRtop,
    0,
    [_o],
    [() => OperationList]
];
var StopInstanceOnIdleRequest$ = [3, n0, _SIOIR,
    0,
    [_th, _du],
    [0, 0]
];
var StopInstanceRequest$ = [3, n0, _SIRto,
    0,
    [_iN, _f],
    [0, 2], 1
];
var StopInstanceResult$ = [3, n0, _SIRtop,
    0,
    [_o],
    [() => OperationList]
];
var StopRelationalDatabaseRequest$ = [3, n0, _SRDRto,
    0,
    [_rDN, _rDSN],
    [0, 0], 1
];
var StopRelationalDatabaseResult$ = [3, n0, _SRDRtop,
    0,
    [_o],
    [() => OperationList]
];
var Subdomain$ = [3, n0, _Su,
    0,
    [_sNu, _a, _fq, _dept, _stat, _aRt, _aRtt, _l, _cA, _pF, _ch, _ta],
    [0, 0, 0, 1, 0, () => SubdomainAttachableResource$, () => SubdomainAttachableResource$, () => ResourceLocation$, 4, 0, () => SubdomainList, () => TagList]
];
var SubdomainAttachableResource$ = [3, n0, _SAR,
    0,
    [_a, _n, _aA],
    [0, 0, 4]
];
var Tag$ = [3, n0, _T,
    0,
    [_k, _va],
    [0, 0]
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_rN, _ta, _rAe],
    [0, () => TagList, 0], 2
];
var TagResourceResult$ = [3, n0, _TRRa,
    0,
    [_o],
    [() => OperationList]
];
var TestAlarmRequest$ = [3, n0, _TAR,
    0,
    [_aN, _stat],
    [[0, 1], [0, { [_hQ]: _stat }]], 2
];
var TestAlarmResult$ = [3, n0, _TARe,
    0,
    [_o],
    [() => OperationList]
];
var TimePeriod$ = [3, n0, _TP,
    0,
    [_star, _end],
    [4, 4]
];
var UnpeerVpcRequest$ = [3, n0, _UVR,
    0,
    [],
    []
];
var UnpeerVpcResult$ = [3, n0, _UVRn,
    0,
    [_op],
    [() => Operation$]
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_rN, _tK, _rAe],
    [0, 64 | 0, 0], 2
];
var UntagResourceResult$ = [3, n0, _URRn,
    0,
    [_o],
    [() => OperationList]
];
var UpdateBucketBundleRequest$ = [3, n0, _UBBR,
    0,
    [_bN, _bIu],
    [0, 0], 2
];
var UpdateBucketBundleResult$ = [3, n0, _UBBRp,
    0,
    [_o],
    [() => OperationList]
];
var UpdateBucketRequest$ = [3, n0, _UBR,
    0,
    [_bN, _aR, _ve, _rAA, _aLC, _cor],
    [0, () => AccessRules$, 0, 64 | 0, () => BucketAccessLogConfig$, () => BucketCorsConfig$], 1
];
var UpdateBucketResult$ = [3, n0, _UBRp,
    0,
    [_bu, _o],
    [() => Bucket$, () => OperationList]
];
var UpdateContainerServiceRequest$ = [3, n0, _UCSR,
    0,
    [_sN, _po, _sc, _iD, _pDNu, _pRA],
    [[0, 1], 0, 1, 2, [2, n0, _CSPD, 0, 0, 64 | 0], () => PrivateRegistryAccessRequest$], 1
];
var UpdateContainerServiceResult$ = [3, n0, _UCSRp,
    0,
    [_cSo],
    [() => ContainerService$]
];
var UpdateDistributionBundleRequest$ = [3, n0, _UDBR,
    0,
    [_dN, _bIu],
    [0, 0]
];
var UpdateDistributionBundleResult$ = [3, n0, _UDBRp,
    0,
    [_op],
    [() => Operation$]
];
var UpdateDistributionRequest$ = [3, n0, _UDR,
    0,
    [_dN, _or, _dCB, _cBS, _cB, _iE, _vMTPV, _cN, _uDC, _ePOA, _dRO, _cER, _eW, _wR],
    [0, () => InputOrigin$, () => CacheBehavior$, () => CacheSettings$, () => CacheBehaviorList, 2, 0, 0, 2, 2, 0, () => DistributionCustomErrorResponseList, 2, () => WafRuleList], 1
];
var UpdateDistributionResult$ = [3, n0, _UDRp,
    0,
    [_op],
    [() => Operation$]
];
var UpdateDomainEntryRequest$ = [3, n0, _UDER,
    0,
    [_dNo, _dE],
    [0, () => DomainEntry$], 2
];
var UpdateDomainEntryResult$ = [3, n0, _UDERp,
    0,
    [_o],
    [() => OperationList]
];
var UpdateInstanceMetadataOptionsRequest$ = [3, n0, _UIMOR,
    0,
    [_iN, _hTt, _hEt, _hPRHL, _hPI],
    [0, 0, 0, 1, 0], 1
];
var UpdateInstanceMetadataOptionsResult$ = [3, n0, _UIMORp,
    0,
    [_op],
    [() => Operation$]
];
var UpdateLoadBalancerAttributeRequest$ = [3, n0, _ULBAR,
    0,
    [_lBN, _aNt, _aVt],
    [0, 0, 0], 3
];
var UpdateLoadBalancerAttributeResult$ = [3, n0, _ULBARp,
    0,
    [_o],
    [() => OperationList]
];
var UpdateRelationalDatabaseParametersRequest$ = [3, n0, _URDPR,
    0,
    [_rDN, _para],
    [0, () => RelationalDatabaseParameterList], 2
];
var UpdateRelationalDatabaseParametersResult$ = [3, n0, _URDPRp,
    0,
    [_o],
    [() => OperationList]
];
var UpdateRelationalDatabaseRequest$ = [3, n0, _URDR,
    0,
    [_rDN, _mUP, _rMUP, _pBW, _pMW, _eBR, _dBR, _pAu, _aI, _cCI, _rDBIe],
    [0, [() => SensitiveString, 0], 2, 0, 0, 2, 2, 2, 2, 0, 0], 1
];
var UpdateRelationalDatabaseResult$ = [3, n0, _URDRp,
    0,
    [_o],
    [() => OperationList]
];
var UpdateSubdomainAssociationRequest$ = [3, n0, _USAR,
    0,
    [_sNu, _ac, _tRA],
    [0, 0, 0], 2
];
var UpdateSubdomainAssociationResult$ = [3, n0, _USARp,
    0,
    [_su, _op],
    [() => Subdomain$, () => Operation$]
];
var WafAcfpConfig$ = [3, n0, _WAC,
    0,
    [_pTa, _cPr, _rPPe, _rI],
    [0, 0, 0, () => WafResponseInspection$]
];
var WafAtpConfig$ = [3, n0, _WACa,
    0,
    [_lP, _pTa, _uF, _pFa, _rI],
    [0, 0, 0, 0, () => WafResponseInspection$]
];
var WafBotControlConfig$ = [3, n0, _WBCC,
    0,
    [_iL],
    [0]
];
var WafConfig$ = [3, n0, _WC,
    0,
    [_iWE, _wR],
    [2, () => WafRuleList]
];
var WafResponseInspection$ = [3, n0, _WRI,
    0,
    [_sCu, _fCa],
    [64 | 1, 64 | 1]
];
var WafRule$ = [3, n0, _WR,
    0,
    [_n, _aCt, _aCc, _bCC],
    [0, () => WafAtpConfig$, () => WafAcfpConfig$, () => WafBotControlConfig$], 1
];
var AccessKeyList = [1, n0, _AKL,
    0, [() => AccessKey$,
        0]
];
var AccessReceiverList = [1, n0, _ARL,
    0, () => ResourceReceivingAccess$
];
var AddOnList = [1, n0, _AOL,
    0, () => AddOn$
];
var AddOnRequestList = [1, n0, _AORL,
    0, () => AddOnRequest$
];
var AlarmsList = [1, n0, _AL,
    0, () => Alarm$
];
var AttachedDiskList = [1, n0, _ADL,
    0, () => AttachedDisk$
];
var AutoSnapshotDetailsList = [1, n0, _ASDL,
    0, () => AutoSnapshotDetails$
];
var AvailabilityZoneList = [1, n0, _AZL,
    0, () => AvailabilityZone$
];
var BlueprintList = [1, n0, _BL,
    0, () => Blueprint$
];
var BucketBundleList = [1, n0, _BBL,
    0, () => BucketBundle$
];
var BucketCorsRules = [1, n0, _BCRu,
    0, () => BucketCorsRule$
];
var BucketList = [1, n0, _BLu,
    0, () => Bucket$
];
var BundleList = [1, n0, _BLun,
    0, () => Bundle$
];
var CacheBehaviorList = [1, n0, _CBL,
    0, () => CacheBehaviorPerPath$
];
var CertificateSummaryList = [1, n0, _CSL,
    0, () => CertificateSummary$
];
var CloudFormationStackRecordList = [1, n0, _CFSRL,
    0, () => CloudFormationStackRecord$
];
var CloudFormationStackRecordSourceInfoList = [1, n0, _CFSRSIL,
    0, () => CloudFormationStackRecordSourceInfo$
];
var ContactMethodsList = [1, n0, _CML,
    0, () => ContactMethod$
];
var ContainerImageList = [1, n0, _CIL,
    0, () => ContainerImage$
];
var ContainerServiceDeploymentList = [1, n0, _CSDL,
    0, () => ContainerServiceDeployment$
];
var ContainerServiceList = [1, n0, _CSLo,
    0, () => ContainerService$
];
var ContainerServiceLogEventList = [1, n0, _CSLEL,
    0, () => ContainerServiceLogEvent$
];
var ContainerServicePowerList = [1, n0, _CSPL,
    0, () => ContainerServicePower$
];
var CostEstimates = [1, n0, _CEo,
    0, () => CostEstimate$
];
var DiskInfoList = [1, n0, _DIL,
    0, () => DiskInfo$
];
var DiskList = [1, n0, _DL,
    0, () => Disk$
];
var DiskMapList = [1, n0, _DML,
    0, () => DiskMap$
];
var DiskSnapshotList = [1, n0, _DSL,
    0, () => DiskSnapshot$
];
var DistributionBundleList = [1, n0, _DBL,
    0, () => DistributionBundle$
];
var DistributionCustomErrorResponseList = [1, n0, _DCERL,
    0, () => DistributionCustomErrorResponse$
];
var DistributionList = [1, n0, _DLi,
    0, () => LightsailDistribution$
];
var DomainEntryList = [1, n0, _DEL,
    0, () => DomainEntry$
];
var DomainList = [1, n0, _DLo,
    0, () => Domain$
];
var DomainValidationRecordList = [1, n0, _DVRL,
    0, () => DomainValidationRecord$
];
var EstimatesByTime = [1, n0, _EBTs,
    0, () => EstimateByTime$
];
var ExportSnapshotRecordList = [1, n0, _ESRL,
    0, () => ExportSnapshotRecord$
];
var HostKeysList = [1, n0, _HKL,
    0, () => HostKeyAttributes$
];
var InstanceEntryList = [1, n0, _IEL,
    0, () => InstanceEntry$
];
var InstanceHealthStatusDetailList = [1, n0, _IHSDL,
    0, () => InstanceHealthStatusDetail$
];
var InstanceHealthSummaryList = [1, n0, _IHSL,
    0, () => InstanceHealthSummary$
];
var InstanceList = [1, n0, _IL,
    0, () => Instance$
];
var InstancePortInfoList = [1, n0, _IPIL,
    0, () => InstancePortInfo$
];
var InstancePortStateList = [1, n0, _IPSL,
    0, () => InstancePortState$
];
var InstanceSnapshotList = [1, n0, _ISL,
    0, () => InstanceSnapshot$
];
var KeyPairList = [1, n0, _KPL,
    0, () => KeyPair$
];
var LoadBalancerList = [1, n0, _LBL,
    0, () => LoadBalancer$
];
var LoadBalancerTlsCertificateDomainValidationOptionList = [1, n0, _LBTCDVOL,
    0, () => LoadBalancerTlsCertificateDomainValidationOption$
];
var LoadBalancerTlsCertificateDomainValidationRecordList = [1, n0, _LBTCDVRL,
    0, () => LoadBalancerTlsCertificateDomainValidationRecord$
];
var LoadBalancerTlsCertificateList = [1, n0, _LBTCL,
    0, () => LoadBalancerTlsCertificate$
];
var LoadBalancerTlsCertificateSummaryList = [1, n0, _LBTCSL,
    0, () => LoadBalancerTlsCertificateSummary$
];
var LoadBalancerTlsPolicyList = [1, n0, _LBTPL,
    0, () => LoadBalancerTlsPolicy$
];
var LogEventList = [1, n0, _LEL,
    0, () => LogEvent$
];
var MetricDatapointList = [1, n0, _MDL,
    0, () => MetricDatapoint$
];
var OperationList = [1, n0, _OL,
    0, () => Operation$
];
var PendingMaintenanceActionList = [1, n0, _PMAL,
    0, () => PendingMaintenanceAction$
];
var PortInfoList = [1, n0, _PIL,
    0, () => PortInfo$
];
var RegionList = [1, n0, _RLe,
    0, () => Region$
];
var RelationalDatabaseBlueprintList = [1, n0, _RDBL,
    0, () => RelationalDatabaseBlueprint$
];
var RelationalDatabaseBundleList = [1, n0, _RDBLe,
    0, () => RelationalDatabaseBundle$
];
var RelationalDatabaseEventList = [1, n0, _RDEL,
    0, () => RelationalDatabaseEvent$
];
var RelationalDatabaseList = [1, n0, _RDL,
    0, [() => RelationalDatabase$,
        0]
];
var RelationalDatabaseParameterList = [1, n0, _RDPL,
    0, () => RelationalDatabaseParameter$
];
var RelationalDatabaseSnapshotList = [1, n0, _RDSL,
    0, () => RelationalDatabaseSnapshot$
];
var ResourcesBudgetEstimate = [1, n0, _RBEe,
    0, () => ResourceBudgetEstimate$
];
var Sessions = [1, n0, _Se,
    0, [() => Session$,
        0]
];
var SetupExecutionDetailsList = [1, n0, _SEDL,
    0, () => SetupExecutionDetails$
];
var setupHistoryList = [1, n0, _sHL,
    0, () => SetupHistory$
];
var StaticIpList = [1, n0, _SIL,
    0, () => StaticIp$
];
var SubdomainList = [1, n0, _SL,
    0, () => Subdomain$
];
var TagList = [1, n0, _TL,
    0, () => Tag$
];
var WafRuleList = [1, n0, _WRL,
    0, () => WafRule$
];
var AttachedDiskMap = [2, n0, _ADM,
    0, 0, () => DiskMapList
];
var ContainerMap = [2, n0, _CMo,
    0, 0, () => Container$
];
var AllocateStaticIp$ = [9, n0, _ASI,
    { [_ht]: ["POST", "/ls/api/2016-11-28/AllocateStaticIp", 200] }, () => AllocateStaticIpRequest$, () => AllocateStaticIpResult$
];
var AttachCertificateToDistribution$ = [9, n0, _ACTD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/AttachCertificateToDistribution", 200] }, () => AttachCertificateToDistributionRequest$, () => AttachCertificateToDistributionResult$
];
var AttachDisk$ = [9, n0, _ADt,
    { [_ht]: ["POST", "/ls/api/2016-11-28/AttachDisk", 200] }, () => AttachDiskRequest$, () => AttachDiskResult$
];
var AttachInstancesToLoadBalancer$ = [9, n0, _AITLB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/AttachInstancesToLoadBalancer", 200] }, () => AttachInstancesToLoadBalancerRequest$, () => AttachInstancesToLoadBalancerResult$
];
var AttachLoadBalancerTlsCertificate$ = [9, n0, _ALBTC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/AttachLoadBalancerTlsCertificate", 200] }, () => AttachLoadBalancerTlsCertificateRequest$, () => AttachLoadBalancerTlsCertificateResult$
];
var AttachStaticIp$ = [9, n0, _ASIt,
    { [_ht]: ["POST", "/ls/api/2016-11-28/AttachStaticIp", 200] }, () => AttachStaticIpRequest$, () => AttachStaticIpResult$
];
var CheckSubdomainAvailability$ = [9, n0, _CSA,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CheckSubdomainAvailability", 200] }, () => CheckSubdomainAvailabilityRequest$, () => CheckSubdomainAvailabilityResult$
];
var CloseInstancePublicPorts$ = [9, n0, _CIPP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CloseInstancePublicPorts", 200] }, () => CloseInstancePublicPortsRequest$, () => CloseInstancePublicPortsResult$
];
var CopySnapshot$ = [9, n0, _CSop,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CopySnapshot", 200] }, () => CopySnapshotRequest$, () => CopySnapshotResult$
];
var CreateBucket$ = [9, n0, _CBr,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateBucket", 200] }, () => CreateBucketRequest$, () => CreateBucketResult$
];
var CreateBucketAccessKey$ = [9, n0, _CBAK,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateBucketAccessKey", 200] }, () => CreateBucketAccessKeyRequest$, () => CreateBucketAccessKeyResult$
];
var CreateCertificate$ = [9, n0, _CC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateCertificate", 200] }, () => CreateCertificateRequest$, () => CreateCertificateResult$
];
var CreateCloudFormationStack$ = [9, n0, _CCFS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateCloudFormationStack", 200] }, () => CreateCloudFormationStackRequest$, () => CreateCloudFormationStackResult$
];
var CreateContactMethod$ = [9, n0, _CCM,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateContactMethod", 200] }, () => CreateContactMethodRequest$, () => CreateContactMethodResult$
];
var CreateContainerService$ = [9, n0, _CCS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/container-services", 201] }, () => CreateContainerServiceRequest$, () => CreateContainerServiceResult$
];
var CreateContainerServiceDeployment$ = [9, n0, _CCSD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/container-services/{serviceName}/deployments", 201] }, () => CreateContainerServiceDeploymentRequest$, () => CreateContainerServiceDeploymentResult$
];
var CreateContainerServiceRegistryLogin$ = [9, n0, _CCSRL,
    { [_ht]: ["POST", "/ls/api/2016-11-28/container-registry-login", 200] }, () => CreateContainerServiceRegistryLoginRequest$, () => CreateContainerServiceRegistryLoginResult$
];
var CreateDisk$ = [9, n0, _CD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateDisk", 200] }, () => CreateDiskRequest$, () => CreateDiskResult$
];
var CreateDiskFromSnapshot$ = [9, n0, _CDFS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateDiskFromSnapshot", 200] }, () => CreateDiskFromSnapshotRequest$, () => CreateDiskFromSnapshotResult$
];
var CreateDiskSnapshot$ = [9, n0, _CDS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateDiskSnapshot", 200] }, () => CreateDiskSnapshotRequest$, () => CreateDiskSnapshotResult$
];
var CreateDistribution$ = [9, n0, _CDr,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateDistribution", 200] }, () => CreateDistributionRequest$, () => CreateDistributionResult$
];
var CreateDomain$ = [9, n0, _CDre,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateDomain", 200] }, () => CreateDomainRequest$, () => CreateDomainResult$
];
var CreateDomainEntry$ = [9, n0, _CDE,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateDomainEntry", 200] }, () => CreateDomainEntryRequest$, () => CreateDomainEntryResult$
];
var CreateGUISessionAccessDetails$ = [9, n0, _CGUISAD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/create-gui-session-access-details", 200] }, () => CreateGUISessionAccessDetailsRequest$, () => CreateGUISessionAccessDetailsResult$
];
var CreateInstances$ = [9, n0, _CIr,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateInstances", 200] }, () => CreateInstancesRequest$, () => CreateInstancesResult$
];
var CreateInstancesFromSnapshot$ = [9, n0, _CIFS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateInstancesFromSnapshot", 200] }, () => CreateInstancesFromSnapshotRequest$, () => CreateInstancesFromSnapshotResult$
];
var CreateInstanceSnapshot$ = [9, n0, _CIS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateInstanceSnapshot", 200] }, () => CreateInstanceSnapshotRequest$, () => CreateInstanceSnapshotResult$
];
var CreateKeyPair$ = [9, n0, _CKP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateKeyPair", 200] }, () => CreateKeyPairRequest$, () => CreateKeyPairResult$
];
var CreateLoadBalancer$ = [9, n0, _CLB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateLoadBalancer", 200] }, () => CreateLoadBalancerRequest$, () => CreateLoadBalancerResult$
];
var CreateLoadBalancerTlsCertificate$ = [9, n0, _CLBTC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateLoadBalancerTlsCertificate", 200] }, () => CreateLoadBalancerTlsCertificateRequest$, () => CreateLoadBalancerTlsCertificateResult$
];
var CreateRelationalDatabase$ = [9, n0, _CRD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateRelationalDatabase", 200] }, () => CreateRelationalDatabaseRequest$, () => CreateRelationalDatabaseResult$
];
var CreateRelationalDatabaseFromSnapshot$ = [9, n0, _CRDFS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateRelationalDatabaseFromSnapshot", 200] }, () => CreateRelationalDatabaseFromSnapshotRequest$, () => CreateRelationalDatabaseFromSnapshotResult$
];
var CreateRelationalDatabaseSnapshot$ = [9, n0, _CRDS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateRelationalDatabaseSnapshot", 200] }, () => CreateRelationalDatabaseSnapshotRequest$, () => CreateRelationalDatabaseSnapshotResult$
];
var CreateSubdomain$ = [9, n0, _CSr,
    { [_ht]: ["POST", "/ls/api/2016-11-28/CreateSubdomain", 200] }, () => CreateSubdomainRequest$, () => CreateSubdomainResult$
];
var DeleteAlarm$ = [9, n0, _DA,
    { [_ht]: ["DELETE", "/ls/api/2016-11-28/DeleteAlarm/{alarmName}", 200] }, () => DeleteAlarmRequest$, () => DeleteAlarmResult$
];
var DeleteAutoSnapshot$ = [9, n0, _DAS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteAutoSnapshot", 200] }, () => DeleteAutoSnapshotRequest$, () => DeleteAutoSnapshotResult$
];
var DeleteBucket$ = [9, n0, _DBe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteBucket", 200] }, () => DeleteBucketRequest$, () => DeleteBucketResult$
];
var DeleteBucketAccessKey$ = [9, n0, _DBAK,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteBucketAccessKey", 200] }, () => DeleteBucketAccessKeyRequest$, () => DeleteBucketAccessKeyResult$
];
var DeleteCertificate$ = [9, n0, _DC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteCertificate", 200] }, () => DeleteCertificateRequest$, () => DeleteCertificateResult$
];
var DeleteContactMethod$ = [9, n0, _DCM,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteContactMethod", 200] }, () => DeleteContactMethodRequest$, () => DeleteContactMethodResult$
];
var DeleteContainerImage$ = [9, n0, _DCI,
    { [_ht]: ["DELETE", "/ls/api/2016-11-28/container-services/{serviceName}/images/{image}", 204] }, () => DeleteContainerImageRequest$, () => DeleteContainerImageResult$
];
var DeleteContainerService$ = [9, n0, _DCS,
    { [_ht]: ["DELETE", "/ls/api/2016-11-28/container-services/{serviceName}", 204] }, () => DeleteContainerServiceRequest$, () => DeleteContainerServiceResult$
];
var DeleteDisk$ = [9, n0, _DD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteDisk", 200] }, () => DeleteDiskRequest$, () => DeleteDiskResult$
];
var DeleteDiskSnapshot$ = [9, n0, _DDS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteDiskSnapshot", 200] }, () => DeleteDiskSnapshotRequest$, () => DeleteDiskSnapshotResult$
];
var DeleteDistribution$ = [9, n0, _DDe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteDistribution", 200] }, () => DeleteDistributionRequest$, () => DeleteDistributionResult$
];
var DeleteDomain$ = [9, n0, _DDel,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteDomain", 200] }, () => DeleteDomainRequest$, () => DeleteDomainResult$
];
var DeleteDomainEntry$ = [9, n0, _DDE,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteDomainEntry", 200] }, () => DeleteDomainEntryRequest$, () => DeleteDomainEntryResult$
];
var DeleteInstance$ = [9, n0, _DIe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteInstance", 200] }, () => DeleteInstanceRequest$, () => DeleteInstanceResult$
];
var DeleteInstanceSnapshot$ = [9, n0, _DIS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteInstanceSnapshot", 200] }, () => DeleteInstanceSnapshotRequest$, () => DeleteInstanceSnapshotResult$
];
var DeleteKeyPair$ = [9, n0, _DKP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteKeyPair", 200] }, () => DeleteKeyPairRequest$, () => DeleteKeyPairResult$
];
var DeleteKnownHostKeys$ = [9, n0, _DKHK,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteKnownHostKeys", 200] }, () => DeleteKnownHostKeysRequest$, () => DeleteKnownHostKeysResult$
];
var DeleteLoadBalancer$ = [9, n0, _DLB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteLoadBalancer", 200] }, () => DeleteLoadBalancerRequest$, () => DeleteLoadBalancerResult$
];
var DeleteLoadBalancerTlsCertificate$ = [9, n0, _DLBTC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteLoadBalancerTlsCertificate", 200] }, () => DeleteLoadBalancerTlsCertificateRequest$, () => DeleteLoadBalancerTlsCertificateResult$
];
var DeleteRelationalDatabase$ = [9, n0, _DRD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteRelationalDatabase", 200] }, () => DeleteRelationalDatabaseRequest$, () => DeleteRelationalDatabaseResult$
];
var DeleteRelationalDatabaseSnapshot$ = [9, n0, _DRDS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteRelationalDatabaseSnapshot", 200] }, () => DeleteRelationalDatabaseSnapshotRequest$, () => DeleteRelationalDatabaseSnapshotResult$
];
var DeleteSubdomain$ = [9, n0, _DSe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DeleteSubdomain", 200] }, () => DeleteSubdomainRequest$, () => DeleteSubdomainResult$
];
var DetachCertificateFromDistribution$ = [9, n0, _DCFD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DetachCertificateFromDistribution", 200] }, () => DetachCertificateFromDistributionRequest$, () => DetachCertificateFromDistributionResult$
];
var DetachDisk$ = [9, n0, _DDet,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DetachDisk", 200] }, () => DetachDiskRequest$, () => DetachDiskResult$
];
var DetachInstancesFromLoadBalancer$ = [9, n0, _DIFLB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DetachInstancesFromLoadBalancer", 200] }, () => DetachInstancesFromLoadBalancerRequest$, () => DetachInstancesFromLoadBalancerResult$
];
var DetachStaticIp$ = [9, n0, _DSIe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DetachStaticIp", 200] }, () => DetachStaticIpRequest$, () => DetachStaticIpResult$
];
var DisableAddOn$ = [9, n0, _DAO,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DisableAddOn", 200] }, () => DisableAddOnRequest$, () => DisableAddOnResult$
];
var DownloadDefaultKeyPair$ = [9, n0, _DDKP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/DownloadDefaultKeyPair", 200] }, () => DownloadDefaultKeyPairRequest$, () => DownloadDefaultKeyPairResult$
];
var EnableAddOn$ = [9, n0, _EAO,
    { [_ht]: ["POST", "/ls/api/2016-11-28/EnableAddOn", 200] }, () => EnableAddOnRequest$, () => EnableAddOnResult$
];
var ExportSnapshot$ = [9, n0, _ES,
    { [_ht]: ["POST", "/ls/api/2016-11-28/ExportSnapshot", 200] }, () => ExportSnapshotRequest$, () => ExportSnapshotResult$
];
var GetActiveNames$ = [9, n0, _GAN,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetActiveNames", 200] }, () => GetActiveNamesRequest$, () => GetActiveNamesResult$
];
var GetAlarms$ = [9, n0, _GA,
    { [_ht]: ["GET", "/ls/api/2016-11-28/GetAlarms", 200] }, () => GetAlarmsRequest$, () => GetAlarmsResult$
];
var GetAutoSnapshots$ = [9, n0, _GAS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetAutoSnapshots", 200] }, () => GetAutoSnapshotsRequest$, () => GetAutoSnapshotsResult$
];
var GetBlueprints$ = [9, n0, _GB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetBlueprints", 200] }, () => GetBlueprintsRequest$, () => GetBlueprintsResult$
];
var GetBucketAccessKeys$ = [9, n0, _GBAK,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetBucketAccessKeys", 200] }, () => GetBucketAccessKeysRequest$, () => GetBucketAccessKeysResult$
];
var GetBucketBundles$ = [9, n0, _GBB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetBucketBundles", 200] }, () => GetBucketBundlesRequest$, () => GetBucketBundlesResult$
];
var GetBucketMetricData$ = [9, n0, _GBMD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetBucketMetricData", 200] }, () => GetBucketMetricDataRequest$, () => GetBucketMetricDataResult$
];
var GetBuckets$ = [9, n0, _GBe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetBuckets", 200] }, () => GetBucketsRequest$, () => GetBucketsResult$
];
var GetBundles$ = [9, n0, _GBet,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetBundles", 200] }, () => GetBundlesRequest$, () => GetBundlesResult$
];
var GetCertificates$ = [9, n0, _GC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetCertificates", 200] }, () => GetCertificatesRequest$, () => GetCertificatesResult$
];
var GetCloudFormationStackRecords$ = [9, n0, _GCFSR,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetCloudFormationStackRecords", 200] }, () => GetCloudFormationStackRecordsRequest$, () => GetCloudFormationStackRecordsResult$
];
var GetContactMethods$ = [9, n0, _GCM,
    { [_ht]: ["GET", "/ls/api/2016-11-28/GetContactMethods", 200] }, () => GetContactMethodsRequest$, () => GetContactMethodsResult$
];
var GetContainerAPIMetadata$ = [9, n0, _GCAPIM,
    { [_ht]: ["GET", "/ls/api/2016-11-28/container-api-metadata", 200] }, () => GetContainerAPIMetadataRequest$, () => GetContainerAPIMetadataResult$
];
var GetContainerImages$ = [9, n0, _GCI,
    { [_ht]: ["GET", "/ls/api/2016-11-28/container-services/{serviceName}/images", 200] }, () => GetContainerImagesRequest$, () => GetContainerImagesResult$
];
var GetContainerLog$ = [9, n0, _GCL,
    { [_ht]: ["GET", "/ls/api/2016-11-28/container-services/{serviceName}/containers/{containerName}/log", 200] }, () => GetContainerLogRequest$, () => GetContainerLogResult$
];
var GetContainerServiceDeployments$ = [9, n0, _GCSD,
    { [_ht]: ["GET", "/ls/api/2016-11-28/container-services/{serviceName}/deployments", 200] }, () => GetContainerServiceDeploymentsRequest$, () => GetContainerServiceDeploymentsResult$
];
var GetContainerServiceMetricData$ = [9, n0, _GCSMD,
    { [_ht]: ["GET", "/ls/api/2016-11-28/container-services/{serviceName}/metrics", 200] }, () => GetContainerServiceMetricDataRequest$, () => GetContainerServiceMetricDataResult$
];
var GetContainerServicePowers$ = [9, n0, _GCSP,
    { [_ht]: ["GET", "/ls/api/2016-11-28/container-service-powers", 200] }, () => GetContainerServicePowersRequest$, () => GetContainerServicePowersResult$
];
var GetContainerServices$ = [9, n0, _GCS,
    { [_ht]: ["GET", "/ls/api/2016-11-28/container-services", 200] }, () => GetContainerServicesRequest$, () => ContainerServicesListResult$
];
var GetCostEstimate$ = [9, n0, _GCE,
    { [_ht]: ["POST", "/budgettracker/getCostEstimate", 200] }, () => GetCostEstimateRequest$, () => GetCostEstimateResult$
];
var GetDisk$ = [9, n0, _GD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDisk", 200] }, () => GetDiskRequest$, () => GetDiskResult$
];
var GetDisks$ = [9, n0, _GDe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDisks", 200] }, () => GetDisksRequest$, () => GetDisksResult$
];
var GetDiskSnapshot$ = [9, n0, _GDS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDiskSnapshot", 200] }, () => GetDiskSnapshotRequest$, () => GetDiskSnapshotResult$
];
var GetDiskSnapshots$ = [9, n0, _GDSe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDiskSnapshots", 200] }, () => GetDiskSnapshotsRequest$, () => GetDiskSnapshotsResult$
];
var GetDistributionBundles$ = [9, n0, _GDB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDistributionBundles", 200] }, () => GetDistributionBundlesRequest$, () => GetDistributionBundlesResult$
];
var GetDistributionLatestCacheReset$ = [9, n0, _GDLCR,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDistributionLatestCacheReset", 200] }, () => GetDistributionLatestCacheResetRequest$, () => GetDistributionLatestCacheResetResult$
];
var GetDistributionMetricData$ = [9, n0, _GDMD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDistributionMetricData", 200] }, () => GetDistributionMetricDataRequest$, () => GetDistributionMetricDataResult$
];
var GetDistributions$ = [9, n0, _GDet,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDistributions", 200] }, () => GetDistributionsRequest$, () => GetDistributionsResult$
];
var GetDomain$ = [9, n0, _GDeto,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDomain", 200] }, () => GetDomainRequest$, () => GetDomainResult$
];
var GetDomains$ = [9, n0, _GDetom,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetDomains", 200] }, () => GetDomainsRequest$, () => GetDomainsResult$
];
var GetExportSnapshotRecords$ = [9, n0, _GESR,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetExportSnapshotRecords", 200] }, () => GetExportSnapshotRecordsRequest$, () => GetExportSnapshotRecordsResult$
];
var GetInstance$ = [9, n0, _GI,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstance", 200] }, () => GetInstanceRequest$, () => GetInstanceResult$
];
var GetInstanceAccessDetails$ = [9, n0, _GIAD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstanceAccessDetails", 200] }, () => GetInstanceAccessDetailsRequest$, () => GetInstanceAccessDetailsResult$
];
var GetInstanceMetricData$ = [9, n0, _GIMD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstanceMetricData", 200] }, () => GetInstanceMetricDataRequest$, () => GetInstanceMetricDataResult$
];
var GetInstancePortStates$ = [9, n0, _GIPS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstancePortStates", 200] }, () => GetInstancePortStatesRequest$, () => GetInstancePortStatesResult$
];
var GetInstances$ = [9, n0, _GIe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstances", 200] }, () => GetInstancesRequest$, () => GetInstancesResult$
];
var GetInstanceSnapshot$ = [9, n0, _GIS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstanceSnapshot", 200] }, () => GetInstanceSnapshotRequest$, () => GetInstanceSnapshotResult$
];
var GetInstanceSnapshots$ = [9, n0, _GISe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstanceSnapshots", 200] }, () => GetInstanceSnapshotsRequest$, () => GetInstanceSnapshotsResult$
];
var GetInstanceState$ = [9, n0, _GISet,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetInstanceState", 200] }, () => GetInstanceStateRequest$, () => GetInstanceStateResult$
];
var GetKeyPair$ = [9, n0, _GKP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetKeyPair", 200] }, () => GetKeyPairRequest$, () => GetKeyPairResult$
];
var GetKeyPairs$ = [9, n0, _GKPe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetKeyPairs", 200] }, () => GetKeyPairsRequest$, () => GetKeyPairsResult$
];
var GetLoadBalancer$ = [9, n0, _GLB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetLoadBalancer", 200] }, () => GetLoadBalancerRequest$, () => GetLoadBalancerResult$
];
var GetLoadBalancerMetricData$ = [9, n0, _GLBMD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetLoadBalancerMetricData", 200] }, () => GetLoadBalancerMetricDataRequest$, () => GetLoadBalancerMetricDataResult$
];
var GetLoadBalancers$ = [9, n0, _GLBe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetLoadBalancers", 200] }, () => GetLoadBalancersRequest$, () => GetLoadBalancersResult$
];
var GetLoadBalancerTlsCertificates$ = [9, n0, _GLBTC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetLoadBalancerTlsCertificates", 200] }, () => GetLoadBalancerTlsCertificatesRequest$, () => GetLoadBalancerTlsCertificatesResult$
];
var GetLoadBalancerTlsPolicies$ = [9, n0, _GLBTP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetLoadBalancerTlsPolicies", 200] }, () => GetLoadBalancerTlsPoliciesRequest$, () => GetLoadBalancerTlsPoliciesResult$
];
var GetOperation$ = [9, n0, _GO,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetOperation", 200] }, () => GetOperationRequest$, () => GetOperationResult$
];
var GetOperations$ = [9, n0, _GOe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetOperations", 200] }, () => GetOperationsRequest$, () => GetOperationsResult$
];
var GetOperationsForResource$ = [9, n0, _GOFR,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetOperationsForResource", 200] }, () => GetOperationsForResourceRequest$, () => GetOperationsForResourceResult$
];
var GetProfile$ = [9, n0, _GP,
    { [_ht]: ["GET", "/ls/api/2016-11-28/GetProfile", 200] }, () => GetProfileRequest$, () => GetProfileResult$
];
var GetRegions$ = [9, n0, _GR,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRegions", 200] }, () => GetRegionsRequest$, () => GetRegionsResult$
];
var GetRelationalDatabase$ = [9, n0, _GRD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabase", 200] }, () => GetRelationalDatabaseRequest$, () => GetRelationalDatabaseResult$
];
var GetRelationalDatabaseBlueprints$ = [9, n0, _GRDB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseBlueprints", 200] }, () => GetRelationalDatabaseBlueprintsRequest$, () => GetRelationalDatabaseBlueprintsResult$
];
var GetRelationalDatabaseBundles$ = [9, n0, _GRDBe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseBundles", 200] }, () => GetRelationalDatabaseBundlesRequest$, () => GetRelationalDatabaseBundlesResult$
];
var GetRelationalDatabaseEvents$ = [9, n0, _GRDE,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseEvents", 200] }, () => GetRelationalDatabaseEventsRequest$, () => GetRelationalDatabaseEventsResult$
];
var GetRelationalDatabaseLogEvents$ = [9, n0, _GRDLE,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseLogEvents", 200] }, () => GetRelationalDatabaseLogEventsRequest$, () => GetRelationalDatabaseLogEventsResult$
];
var GetRelationalDatabaseLogStreams$ = [9, n0, _GRDLS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseLogStreams", 200] }, () => GetRelationalDatabaseLogStreamsRequest$, () => GetRelationalDatabaseLogStreamsResult$
];
var GetRelationalDatabaseMasterUserPassword$ = [9, n0, _GRDMUP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseMasterUserPassword", 200] }, () => GetRelationalDatabaseMasterUserPasswordRequest$, () => GetRelationalDatabaseMasterUserPasswordResult$
];
var GetRelationalDatabaseMetricData$ = [9, n0, _GRDMD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseMetricData", 200] }, () => GetRelationalDatabaseMetricDataRequest$, () => GetRelationalDatabaseMetricDataResult$
];
var GetRelationalDatabaseParameters$ = [9, n0, _GRDP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseParameters", 200] }, () => GetRelationalDatabaseParametersRequest$, () => GetRelationalDatabaseParametersResult$
];
var GetRelationalDatabases$ = [9, n0, _GRDe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabases", 200] }, () => GetRelationalDatabasesRequest$, () => GetRelationalDatabasesResult$
];
var GetRelationalDatabaseSnapshot$ = [9, n0, _GRDS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseSnapshot", 200] }, () => GetRelationalDatabaseSnapshotRequest$, () => GetRelationalDatabaseSnapshotResult$
];
var GetRelationalDatabaseSnapshots$ = [9, n0, _GRDSe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetRelationalDatabaseSnapshots", 200] }, () => GetRelationalDatabaseSnapshotsRequest$, () => GetRelationalDatabaseSnapshotsResult$
];
var GetSetupHistory$ = [9, n0, _GSH,
    { [_ht]: ["POST", "/ls/api/2016-11-28/get-setup-history", 200] }, () => GetSetupHistoryRequest$, () => GetSetupHistoryResult$
];
var GetStaticIp$ = [9, n0, _GSI,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetStaticIp", 200] }, () => GetStaticIpRequest$, () => GetStaticIpResult$
];
var GetStaticIps$ = [9, n0, _GSIe,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetStaticIps", 200] }, () => GetStaticIpsRequest$, () => GetStaticIpsResult$
];
var GetSubdomains$ = [9, n0, _GS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/GetSubdomains", 200] }, () => GetSubdomainsRequest$, () => GetSubdomainsResult$
];
var ImportKeyPair$ = [9, n0, _IKP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/ImportKeyPair", 200] }, () => ImportKeyPairRequest$, () => ImportKeyPairResult$
];
var IsVpcPeered$ = [9, n0, _IVP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/IsVpcPeered", 200] }, () => IsVpcPeeredRequest$, () => IsVpcPeeredResult$
];
var OpenInstancePublicPorts$ = [9, n0, _OIPP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/OpenInstancePublicPorts", 200] }, () => OpenInstancePublicPortsRequest$, () => OpenInstancePublicPortsResult$
];
var PeerVpc$ = [9, n0, _PV,
    { [_ht]: ["POST", "/ls/api/2016-11-28/PeerVpc", 200] }, () => PeerVpcRequest$, () => PeerVpcResult$
];
var PutAlarm$ = [9, n0, _PA,
    { [_ht]: ["POST", "/ls/api/2016-11-28/PutAlarm", 200] }, () => PutAlarmRequest$, () => PutAlarmResult$
];
var PutInstancePublicPorts$ = [9, n0, _PIPP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/PutInstancePublicPorts", 200] }, () => PutInstancePublicPortsRequest$, () => PutInstancePublicPortsResult$
];
var RebootInstance$ = [9, n0, _RI,
    { [_ht]: ["POST", "/ls/api/2016-11-28/RebootInstance", 200] }, () => RebootInstanceRequest$, () => RebootInstanceResult$
];
var RebootRelationalDatabase$ = [9, n0, _RRD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/RebootRelationalDatabase", 200] }, () => RebootRelationalDatabaseRequest$, () => RebootRelationalDatabaseResult$
];
var RegisterContainerImage$ = [9, n0, _RCI,
    { [_ht]: ["POST", "/ls/api/2016-11-28/container-services/{serviceName}/images", 200] }, () => RegisterContainerImageRequest$, () => RegisterContainerImageResult$
];
var ReleaseStaticIp$ = [9, n0, _RSI,
    { [_ht]: ["POST", "/ls/api/2016-11-28/ReleaseStaticIp", 200] }, () => ReleaseStaticIpRequest$, () => ReleaseStaticIpResult$
];
var ResetDistributionCache$ = [9, n0, _RDC,
    { [_ht]: ["POST", "/ls/api/2016-11-28/ResetDistributionCache", 200] }, () => ResetDistributionCacheRequest$, () => ResetDistributionCacheResult$
];
var SendContactMethodVerification$ = [9, n0, _SCMV,
    { [_ht]: ["POST", "/ls/api/2016-11-28/SendContactMethodVerification", 200] }, () => SendContactMethodVerificationRequest$, () => SendContactMethodVerificationResult$
];
var SetIpAddressType$ = [9, n0, _SIAT,
    { [_ht]: ["POST", "/ls/api/2016-11-28/SetIpAddressType", 200] }, () => SetIpAddressTypeRequest$, () => SetIpAddressTypeResult$
];
var SetResourceAccessForBucket$ = [9, n0, _SRAFB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/SetResourceAccessForBucket", 200] }, () => SetResourceAccessForBucketRequest$, () => SetResourceAccessForBucketResult$
];
var SetupInstanceHttps$ = [9, n0, _SIH,
    { [_ht]: ["POST", "/ls/api/2016-11-28/setup-instance-https", 200] }, () => SetupInstanceHttpsRequest$, () => SetupInstanceHttpsResult$
];
var StartGUISession$ = [9, n0, _SGUIS,
    { [_ht]: ["POST", "/ls/api/2016-11-28/start-gui-session", 200] }, () => StartGUISessionRequest$, () => StartGUISessionResult$
];
var StartInstance$ = [9, n0, _SIt,
    { [_ht]: ["POST", "/ls/api/2016-11-28/StartInstance", 200] }, () => StartInstanceRequest$, () => StartInstanceResult$
];
var StartRelationalDatabase$ = [9, n0, _SRD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/StartRelationalDatabase", 200] }, () => StartRelationalDatabaseRequest$, () => StartRelationalDatabaseResult$
];
var StopGUISession$ = [9, n0, _SGUISt,
    { [_ht]: ["POST", "/ls/api/2016-11-28/stop-gui-session", 200] }, () => StopGUISessionRequest$, () => StopGUISessionResult$
];
var StopInstance$ = [9, n0, _SIto,
    { [_ht]: ["POST", "/ls/api/2016-11-28/StopInstance", 200] }, () => StopInstanceRequest$, () => StopInstanceResult$
];
var StopRelationalDatabase$ = [9, n0, _SRDt,
    { [_ht]: ["POST", "/ls/api/2016-11-28/StopRelationalDatabase", 200] }, () => StopRelationalDatabaseRequest$, () => StopRelationalDatabaseResult$
];
var TagResource$ = [9, n0, _TR,
    { [_ht]: ["POST", "/ls/api/2016-11-28/TagResource", 200] }, () => TagResourceRequest$, () => TagResourceResult$
];
var TestAlarm$ = [9, n0, _TA,
    { [_ht]: ["GET", "/ls/api/2016-11-28/TestAlarm/{alarmName}", 200] }, () => TestAlarmRequest$, () => TestAlarmResult$
];
var UnpeerVpc$ = [9, n0, _UV,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UnpeerVpc", 200] }, () => UnpeerVpcRequest$, () => UnpeerVpcResult$
];
var UntagResource$ = [9, n0, _UR,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UntagResource", 200] }, () => UntagResourceRequest$, () => UntagResourceResult$
];
var UpdateBucket$ = [9, n0, _UB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateBucket", 200] }, () => UpdateBucketRequest$, () => UpdateBucketResult$
];
var UpdateBucketBundle$ = [9, n0, _UBB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateBucketBundle", 200] }, () => UpdateBucketBundleRequest$, () => UpdateBucketBundleResult$
];
var UpdateContainerService$ = [9, n0, _UCS,
    { [_ht]: ["PATCH", "/ls/api/2016-11-28/container-services/{serviceName}", 200] }, () => UpdateContainerServiceRequest$, () => UpdateContainerServiceResult$
];
var UpdateDistribution$ = [9, n0, _UD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateDistribution", 200] }, () => UpdateDistributionRequest$, () => UpdateDistributionResult$
];
var UpdateDistributionBundle$ = [9, n0, _UDB,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateDistributionBundle", 200] }, () => UpdateDistributionBundleRequest$, () => UpdateDistributionBundleResult$
];
var UpdateDomainEntry$ = [9, n0, _UDE,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateDomainEntry", 200] }, () => UpdateDomainEntryRequest$, () => UpdateDomainEntryResult$
];
var UpdateInstanceMetadataOptions$ = [9, n0, _UIMO,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateInstanceMetadataOptions", 200] }, () => UpdateInstanceMetadataOptionsRequest$, () => UpdateInstanceMetadataOptionsResult$
];
var UpdateLoadBalancerAttribute$ = [9, n0, _ULBA,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateLoadBalancerAttribute", 200] }, () => UpdateLoadBalancerAttributeRequest$, () => UpdateLoadBalancerAttributeResult$
];
var UpdateRelationalDatabase$ = [9, n0, _URD,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateRelationalDatabase", 200] }, () => UpdateRelationalDatabaseRequest$, () => UpdateRelationalDatabaseResult$
];
var UpdateRelationalDatabaseParameters$ = [9, n0, _URDP,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateRelationalDatabaseParameters", 200] }, () => UpdateRelationalDatabaseParametersRequest$, () => UpdateRelationalDatabaseParametersResult$
];
var UpdateSubdomainAssociation$ = [9, n0, _USA,
    { [_ht]: ["POST", "/ls/api/2016-11-28/UpdateSubdomainAssociation", 200] }, () => UpdateSubdomainAssociationRequest$, () => UpdateSubdomainAssociationResult$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2016-11-28",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultLightsailHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsJson1_1Protocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.lightsail",
            errorTypeRegistries,
            version: "2016-11-28",
            serviceTarget: "Lightsail_20161128",
        },
        serviceId: config?.serviceId ?? "Lightsail",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 300_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class LightsailClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultLightsailHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "Lightsail_20161128", "LightsailClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class AllocateStaticIpCommand extends command(_ep0, _mw0, "AllocateStaticIp", AllocateStaticIp$) {
}

class AttachCertificateToDistributionCommand extends command(_ep0, _mw0, "AttachCertificateToDistribution", AttachCertificateToDistribution$) {
}

class AttachDiskCommand extends command(_ep0, _mw0, "AttachDisk", AttachDisk$) {
}

class AttachInstancesToLoadBalancerCommand extends command(_ep0, _mw0, "AttachInstancesToLoadBalancer", AttachInstancesToLoadBalancer$) {
}

class AttachLoadBalancerTlsCertificateCommand extends command(_ep0, _mw0, "AttachLoadBalancerTlsCertificate", AttachLoadBalancerTlsCertificate$) {
}

class AttachStaticIpCommand extends command(_ep0, _mw0, "AttachStaticIp", AttachStaticIp$) {
}

class CheckSubdomainAvailabilityCommand extends command(_ep0, _mw0, "CheckSubdomainAvailability", CheckSubdomainAvailability$) {
}

class CloseInstancePublicPortsCommand extends command(_ep0, _mw0, "CloseInstancePublicPorts", CloseInstancePublicPorts$) {
}

class CopySnapshotCommand extends command(_ep0, _mw0, "CopySnapshot", CopySnapshot$) {
}

class CreateBucketAccessKeyCommand extends command(_ep0, _mw0, "CreateBucketAccessKey", CreateBucketAccessKey$) {
}

class CreateBucketCommand extends command(_ep0, _mw0, "CreateBucket", CreateBucket$) {
}

class CreateCertificateCommand extends command(_ep0, _mw0, "CreateCertificate", CreateCertificate$) {
}

class CreateCloudFormationStackCommand extends command(_ep0, _mw0, "CreateCloudFormationStack", CreateCloudFormationStack$) {
}

class CreateContactMethodCommand extends command(_ep0, _mw0, "CreateContactMethod", CreateContactMethod$) {
}

class CreateContainerServiceCommand extends command(_ep0, _mw0, "CreateContainerService", CreateContainerService$) {
}

class CreateContainerServiceDeploymentCommand extends command(_ep0, _mw0, "CreateContainerServiceDeployment", CreateContainerServiceDeployment$) {
}

class CreateContainerServiceRegistryLoginCommand extends command(_ep0, _mw0, "CreateContainerServiceRegistryLogin", CreateContainerServiceRegistryLogin$) {
}

class CreateDiskCommand extends command(_ep0, _mw0, "CreateDisk", CreateDisk$) {
}

class CreateDiskFromSnapshotCommand extends command(_ep0, _mw0, "CreateDiskFromSnapshot", CreateDiskFromSnapshot$) {
}

class CreateDiskSnapshotCommand extends command(_ep0, _mw0, "CreateDiskSnapshot", CreateDiskSnapshot$) {
}

class CreateDistributionCommand extends command(_ep0, _mw0, "CreateDistribution", CreateDistribution$) {
}

class CreateDomainCommand extends command(_ep0, _mw0, "CreateDomain", CreateDomain$) {
}

class CreateDomainEntryCommand extends command(_ep0, _mw0, "CreateDomainEntry", CreateDomainEntry$) {
}

class CreateGUISessionAccessDetailsCommand extends command(_ep0, _mw0, "CreateGUISessionAccessDetails", CreateGUISessionAccessDetails$) {
}

class CreateInstancesCommand extends command(_ep0, _mw0, "CreateInstances", CreateInstances$) {
}

class CreateInstancesFromSnapshotCommand extends command(_ep0, _mw0, "CreateInstancesFromSnapshot", CreateInstancesFromSnapshot$) {
}

class CreateInstanceSnapshotCommand extends command(_ep0, _mw0, "CreateInstanceSnapshot", CreateInstanceSnapshot$) {
}

class CreateKeyPairCommand extends command(_ep0, _mw0, "CreateKeyPair", CreateKeyPair$) {
}

class CreateLoadBalancerCommand extends command(_ep0, _mw0, "CreateLoadBalancer", CreateLoadBalancer$) {
}

class CreateLoadBalancerTlsCertificateCommand extends command(_ep0, _mw0, "CreateLoadBalancerTlsCertificate", CreateLoadBalancerTlsCertificate$) {
}

class CreateRelationalDatabaseCommand extends command(_ep0, _mw0, "CreateRelationalDatabase", CreateRelationalDatabase$) {
}

class CreateRelationalDatabaseFromSnapshotCommand extends command(_ep0, _mw0, "CreateRelationalDatabaseFromSnapshot", CreateRelationalDatabaseFromSnapshot$) {
}

class CreateRelationalDatabaseSnapshotCommand extends command(_ep0, _mw0, "CreateRelationalDatabaseSnapshot", CreateRelationalDatabaseSnapshot$) {
}

class CreateSubdomainCommand extends command(_ep0, _mw0, "CreateSubdomain", CreateSubdomain$) {
}

class DeleteAlarmCommand extends command(_ep0, _mw0, "DeleteAlarm", DeleteAlarm$) {
}

class DeleteAutoSnapshotCommand extends command(_ep0, _mw0, "DeleteAutoSnapshot", DeleteAutoSnapshot$) {
}

class DeleteBucketAccessKeyCommand extends command(_ep0, _mw0, "DeleteBucketAccessKey", DeleteBucketAccessKey$) {
}

class DeleteBucketCommand extends command(_ep0, _mw0, "DeleteBucket", DeleteBucket$) {
}

class DeleteCertificateCommand extends command(_ep0, _mw0, "DeleteCertificate", DeleteCertificate$) {
}

class DeleteContactMethodCommand extends command(_ep0, _mw0, "DeleteContactMethod", DeleteContactMethod$) {
}

class DeleteContainerImageCommand extends command(_ep0, _mw0, "DeleteContainerImage", DeleteContainerImage$) {
}

class DeleteContainerServiceCommand extends command(_ep0, _mw0, "DeleteContainerService", DeleteContainerService$) {
}

class DeleteDiskCommand extends command(_ep0, _mw0, "DeleteDisk", DeleteDisk$) {
}

class DeleteDiskSnapshotCommand extends command(_ep0, _mw0, "DeleteDiskSnapshot", DeleteDiskSnapshot$) {
}

class DeleteDistributionCommand extends command(_ep0, _mw0, "DeleteDistribution", DeleteDistribution$) {
}

class DeleteDomainCommand extends command(_ep0, _mw0, "DeleteDomain", DeleteDomain$) {
}

class DeleteDomainEntryCommand extends command(_ep0, _mw0, "DeleteDomainEntry", DeleteDomainEntry$) {
}

class DeleteInstanceCommand extends command(_ep0, _mw0, "DeleteInstance", DeleteInstance$) {
}

class DeleteInstanceSnapshotCommand extends command(_ep0, _mw0, "DeleteInstanceSnapshot", DeleteInstanceSnapshot$) {
}

class DeleteKeyPairCommand extends command(_ep0, _mw0, "DeleteKeyPair", DeleteKeyPair$) {
}

class DeleteKnownHostKeysCommand extends command(_ep0, _mw0, "DeleteKnownHostKeys", DeleteKnownHostKeys$) {
}

class DeleteLoadBalancerCommand extends command(_ep0, _mw0, "DeleteLoadBalancer", DeleteLoadBalancer$) {
}

class DeleteLoadBalancerTlsCertificateCommand extends command(_ep0, _mw0, "DeleteLoadBalancerTlsCertificate", DeleteLoadBalancerTlsCertificate$) {
}

class DeleteRelationalDatabaseCommand extends command(_ep0, _mw0, "DeleteRelationalDatabase", DeleteRelationalDatabase$) {
}

class DeleteRelationalDatabaseSnapshotCommand extends command(_ep0, _mw0, "DeleteRelationalDatabaseSnapshot", DeleteRelationalDatabaseSnapshot$) {
}

class DeleteSubdomainCommand extends command(_ep0, _mw0, "DeleteSubdomain", DeleteSubdomain$) {
}

class DetachCertificateFromDistributionCommand extends command(_ep0, _mw0, "DetachCertificateFromDistribution", DetachCertificateFromDistribution$) {
}

class DetachDiskCommand extends command(_ep0, _mw0, "DetachDisk", DetachDisk$) {
}

class DetachInstancesFromLoadBalancerCommand extends command(_ep0, _mw0, "DetachInstancesFromLoadBalancer", DetachInstancesFromLoadBalancer$) {
}

class DetachStaticIpCommand extends command(_ep0, _mw0, "DetachStaticIp", DetachStaticIp$) {
}

class DisableAddOnCommand extends command(_ep0, _mw0, "DisableAddOn", DisableAddOn$) {
}

class DownloadDefaultKeyPairCommand extends command(_ep0, _mw0, "DownloadDefaultKeyPair", DownloadDefaultKeyPair$) {
}

class EnableAddOnCommand extends command(_ep0, _mw0, "EnableAddOn", EnableAddOn$) {
}

class ExportSnapshotCommand extends command(_ep0, _mw0, "ExportSnapshot", ExportSnapshot$) {
}

class GetActiveNamesCommand extends command(_ep0, _mw0, "GetActiveNames", GetActiveNames$) {
}

class GetAlarmsCommand extends command(_ep0, _mw0, "GetAlarms", GetAlarms$) {
}

class GetAutoSnapshotsCommand extends command(_ep0, _mw0, "GetAutoSnapshots", GetAutoSnapshots$) {
}

class GetBlueprintsCommand extends command(_ep0, _mw0, "GetBlueprints", GetBlueprints$) {
}

class GetBucketAccessKeysCommand extends command(_ep0, _mw0, "GetBucketAccessKeys", GetBucketAccessKeys$) {
}

class GetBucketBundlesCommand extends command(_ep0, _mw0, "GetBucketBundles", GetBucketBundles$) {
}

class GetBucketMetricDataCommand extends command(_ep0, _mw0, "GetBucketMetricData", GetBucketMetricData$) {
}

class GetBucketsCommand extends command(_ep0, _mw0, "GetBuckets", GetBuckets$) {
}

class GetBundlesCommand extends command(_ep0, _mw0, "GetBundles", GetBundles$) {
}

class GetCertificatesCommand extends command(_ep0, _mw0, "GetCertificates", GetCertificates$) {
}

class GetCloudFormationStackRecordsCommand extends command(_ep0, _mw0, "GetCloudFormationStackRecords", GetCloudFormationStackRecords$) {
}

class GetContactMethodsCommand extends command(_ep0, _mw0, "GetContactMethods", GetContactMethods$) {
}

class GetContainerAPIMetadataCommand extends command(_ep0, _mw0, "GetContainerAPIMetadata", GetContainerAPIMetadata$) {
}

class GetContainerImagesCommand extends command(_ep0, _mw0, "GetContainerImages", GetContainerImages$) {
}

class GetContainerLogCommand extends command(_ep0, _mw0, "GetContainerLog", GetContainerLog$) {
}

class GetContainerServiceDeploymentsCommand extends command(_ep0, _mw0, "GetContainerServiceDeployments", GetContainerServiceDeployments$) {
}

class GetContainerServiceMetricDataCommand extends command(_ep0, _mw0, "GetContainerServiceMetricData", GetContainerServiceMetricData$) {
}

class GetContainerServicePowersCommand extends command(_ep0, _mw0, "GetContainerServicePowers", GetContainerServicePowers$) {
}

class GetContainerServicesCommand extends command(_ep0, _mw0, "GetContainerServices", GetContainerServices$) {
}

class GetCostEstimateCommand extends command(_ep0, _mw0, "GetCostEstimate", GetCostEstimate$) {
}

class GetDiskCommand extends command(_ep0, _mw0, "GetDisk", GetDisk$) {
}

class GetDisksCommand extends command(_ep0, _mw0, "GetDisks", GetDisks$) {
}

class GetDiskSnapshotCommand extends command(_ep0, _mw0, "GetDiskSnapshot", GetDiskSnapshot$) {
}

class GetDiskSnapshotsCommand extends command(_ep0, _mw0, "GetDiskSnapshots", GetDiskSnapshots$) {
}

class GetDistributionBundlesCommand extends command(_ep0, _mw0, "GetDistributionBundles", GetDistributionBundles$) {
}

class GetDistributionLatestCacheResetCommand extends command(_ep0, _mw0, "GetDistributionLatestCacheReset", GetDistributionLatestCacheReset$) {
}

class GetDistributionMetricDataCommand extends command(_ep0, _mw0, "GetDistributionMetricData", GetDistributionMetricData$) {
}

class GetDistributionsCommand extends command(_ep0, _mw0, "GetDistributions", GetDistributions$) {
}

class GetDomainCommand extends command(_ep0, _mw0, "GetDomain", GetDomain$) {
}

class GetDomainsCommand extends command(_ep0, _mw0, "GetDomains", GetDomains$) {
}

class GetExportSnapshotRecordsCommand extends command(_ep0, _mw0, "GetExportSnapshotRecords", GetExportSnapshotRecords$) {
}

class GetInstanceAccessDetailsCommand extends command(_ep0, _mw0, "GetInstanceAccessDetails", GetInstanceAccessDetails$) {
}

class GetInstanceCommand extends command(_ep0, _mw0, "GetInstance", GetInstance$) {
}

class GetInstanceMetricDataCommand extends command(_ep0, _mw0, "GetInstanceMetricData", GetInstanceMetricData$) {
}

class GetInstancePortStatesCommand extends command(_ep0, _mw0, "GetInstancePortStates", GetInstancePortStates$) {
}

class GetInstancesCommand extends command(_ep0, _mw0, "GetInstances", GetInstances$) {
}

class GetInstanceSnapshotCommand extends command(_ep0, _mw0, "GetInstanceSnapshot", GetInstanceSnapshot$) {
}

class GetInstanceSnapshotsCommand extends command(_ep0, _mw0, "GetInstanceSnapshots", GetInstanceSnapshots$) {
}

class GetInstanceStateCommand extends command(_ep0, _mw0, "GetInstanceState", GetInstanceState$) {
}

class GetKeyPairCommand extends command(_ep0, _mw0, "GetKeyPair", GetKeyPair$) {
}

class GetKeyPairsCommand extends command(_ep0, _mw0, "GetKeyPairs", GetKeyPairs$) {
}

class GetLoadBalancerCommand extends command(_ep0, _mw0, "GetLoadBalancer", GetLoadBalancer$) {
}

class GetLoadBalancerMetricDataCommand extends command(_ep0, _mw0, "GetLoadBalancerMetricData", GetLoadBalancerMetricData$) {
}

class GetLoadBalancersCommand extends command(_ep0, _mw0, "GetLoadBalancers", GetLoadBalancers$) {
}

class GetLoadBalancerTlsCertificatesCommand extends command(_ep0, _mw0, "GetLoadBalancerTlsCertificates", GetLoadBalancerTlsCertificates$) {
}

class GetLoadBalancerTlsPoliciesCommand extends command(_ep0, _mw0, "GetLoadBalancerTlsPolicies", GetLoadBalancerTlsPolicies$) {
}

class GetOperationCommand extends command(_ep0, _mw0, "GetOperation", GetOperation$) {
}

class GetOperationsCommand extends command(_ep0, _mw0, "GetOperations", GetOperations$) {
}

class GetOperationsForResourceCommand extends command(_ep0, _mw0, "GetOperationsForResource", GetOperationsForResource$) {
}

class GetProfileCommand extends command(_ep0, _mw0, "GetProfile", GetProfile$) {
}

class GetRegionsCommand extends command(_ep0, _mw0, "GetRegions", GetRegions$) {
}

class GetRelationalDatabaseBlueprintsCommand extends command(_ep0, _mw0, "GetRelationalDatabaseBlueprints", GetRelationalDatabaseBlueprints$) {
}

class GetRelationalDatabaseBundlesCommand extends command(_ep0, _mw0, "GetRelationalDatabaseBundles", GetRelationalDatabaseBundles$) {
}

class GetRelationalDatabaseCommand extends command(_ep0, _mw0, "GetRelationalDatabase", GetRelationalDatabase$) {
}

class GetRelationalDatabaseEventsCommand extends command(_ep0, _mw0, "GetRelationalDatabaseEvents", GetRelationalDatabaseEvents$) {
}

class GetRelationalDatabaseLogEventsCommand extends command(_ep0, _mw0, "GetRelationalDatabaseLogEvents", GetRelationalDatabaseLogEvents$) {
}

class GetRelationalDatabaseLogStreamsCommand extends command(_ep0, _mw0, "GetRelationalDatabaseLogStreams", GetRelationalDatabaseLogStreams$) {
}

class GetRelationalDatabaseMasterUserPasswordCommand extends command(_ep0, _mw0, "GetRelationalDatabaseMasterUserPassword", GetRelationalDatabaseMasterUserPassword$) {
}

class GetRelationalDatabaseMetricDataCommand extends command(_ep0, _mw0, "GetRelationalDatabaseMetricData", GetRelationalDatabaseMetricData$) {
}

class GetRelationalDatabaseParametersCommand extends command(_ep0, _mw0, "GetRelationalDatabaseParameters", GetRelationalDatabaseParameters$) {
}

class GetRelationalDatabasesCommand extends command(_ep0, _mw0, "GetRelationalDatabases", GetRelationalDatabases$) {
}

class GetRelationalDatabaseSnapshotCommand extends command(_ep0, _mw0, "GetRelationalDatabaseSnapshot", GetRelationalDatabaseSnapshot$) {
}

class GetRelationalDatabaseSnapshotsCommand extends command(_ep0, _mw0, "GetRelationalDatabaseSnapshots", GetRelationalDatabaseSnapshots$) {
}

class GetSetupHistoryCommand extends command(_ep0, _mw0, "GetSetupHistory", GetSetupHistory$) {
}

class GetStaticIpCommand extends command(_ep0, _mw0, "GetStaticIp", GetStaticIp$) {
}

class GetStaticIpsCommand extends command(_ep0, _mw0, "GetStaticIps", GetStaticIps$) {
}

class GetSubdomainsCommand extends command(_ep0, _mw0, "GetSubdomains", GetSubdomains$) {
}

class ImportKeyPairCommand extends command(_ep0, _mw0, "ImportKeyPair", ImportKeyPair$) {
}

class IsVpcPeeredCommand extends command(_ep0, _mw0, "IsVpcPeered", IsVpcPeered$) {
}

class OpenInstancePublicPortsCommand extends command(_ep0, _mw0, "OpenInstancePublicPorts", OpenInstancePublicPorts$) {
}

class PeerVpcCommand extends command(_ep0, _mw0, "PeerVpc", PeerVpc$) {
}

class PutAlarmCommand extends command(_ep0, _mw0, "PutAlarm", PutAlarm$) {
}

class PutInstancePublicPortsCommand extends command(_ep0, _mw0, "PutInstancePublicPorts", PutInstancePublicPorts$) {
}

class RebootInstanceCommand extends command(_ep0, _mw0, "RebootInstance", RebootInstance$) {
}

class RebootRelationalDatabaseCommand extends command(_ep0, _mw0, "RebootRelationalDatabase", RebootRelationalDatabase$) {
}

class RegisterContainerImageCommand extends command(_ep0, _mw0, "RegisterContainerImage", RegisterContainerImage$) {
}

class ReleaseStaticIpCommand extends command(_ep0, _mw0, "ReleaseStaticIp", ReleaseStaticIp$) {
}

class ResetDistributionCacheCommand extends command(_ep0, _mw0, "ResetDistributionCache", ResetDistributionCache$) {
}

class SendContactMethodVerificationCommand extends command(_ep0, _mw0, "SendContactMethodVerification", SendContactMethodVerification$) {
}

class SetIpAddressTypeCommand extends command(_ep0, _mw0, "SetIpAddressType", SetIpAddressType$) {
}

class SetResourceAccessForBucketCommand extends command(_ep0, _mw0, "SetResourceAccessForBucket", SetResourceAccessForBucket$) {
}

class SetupInstanceHttpsCommand extends command(_ep0, _mw0, "SetupInstanceHttps", SetupInstanceHttps$) {
}

class StartGUISessionCommand extends command(_ep0, _mw0, "StartGUISession", StartGUISession$) {
}

class StartInstanceCommand extends command(_ep0, _mw0, "StartInstance", StartInstance$) {
}

class StartRelationalDatabaseCommand extends command(_ep0, _mw0, "StartRelationalDatabase", StartRelationalDatabase$) {
}

class StopGUISessionCommand extends command(_ep0, _mw0, "StopGUISession", StopGUISession$) {
}

class StopInstanceCommand extends command(_ep0, _mw0, "StopInstance", StopInstance$) {
}

class StopRelationalDatabaseCommand extends command(_ep0, _mw0, "StopRelationalDatabase", StopRelationalDatabase$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class TestAlarmCommand extends command(_ep0, _mw0, "TestAlarm", TestAlarm$) {
}

class UnpeerVpcCommand extends command(_ep0, _mw0, "UnpeerVpc", UnpeerVpc$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateBucketBundleCommand extends command(_ep0, _mw0, "UpdateBucketBundle", UpdateBucketBundle$) {
}

class UpdateBucketCommand extends command(_ep0, _mw0, "UpdateBucket", UpdateBucket$) {
}

class UpdateContainerServiceCommand extends command(_ep0, _mw0, "UpdateContainerService", UpdateContainerService$) {
}

class UpdateDistributionBundleCommand extends command(_ep0, _mw0, "UpdateDistributionBundle", UpdateDistributionBundle$) {
}

class UpdateDistributionCommand extends command(_ep0, _mw0, "UpdateDistribution", UpdateDistribution$) {
}

class UpdateDomainEntryCommand extends command(_ep0, _mw0, "UpdateDomainEntry", UpdateDomainEntry$) {
}

class UpdateInstanceMetadataOptionsCommand extends command(_ep0, _mw0, "UpdateInstanceMetadataOptions", UpdateInstanceMetadataOptions$) {
}

class UpdateLoadBalancerAttributeCommand extends command(_ep0, _mw0, "UpdateLoadBalancerAttribute", UpdateLoadBalancerAttribute$) {
}

class UpdateRelationalDatabaseCommand extends command(_ep0, _mw0, "UpdateRelationalDatabase", UpdateRelationalDatabase$) {
}

class UpdateRelationalDatabaseParametersCommand extends command(_ep0, _mw0, "UpdateRelationalDatabaseParameters", UpdateRelationalDatabaseParameters$) {
}

class UpdateSubdomainAssociationCommand extends command(_ep0, _mw0, "UpdateSubdomainAssociation", UpdateSubdomainAssociation$) {
}

const commands = {
    AllocateStaticIpCommand,
    AttachCertificateToDistributionCommand,
    AttachDiskCommand,
    AttachInstancesToLoadBalancerCommand,
    AttachLoadBalancerTlsCertificateCommand,
    AttachStaticIpCommand,
    CheckSubdomainAvailabilityCommand,
    CloseInstancePublicPortsCommand,
    CopySnapshotCommand,
    CreateBucketCommand,
    CreateBucketAccessKeyCommand,
    CreateCertificateCommand,
    CreateCloudFormationStackCommand,
    CreateContactMethodCommand,
    CreateContainerServiceCommand,
    CreateContainerServiceDeploymentCommand,
    CreateContainerServiceRegistryLoginCommand,
    CreateDiskCommand,
    CreateDiskFromSnapshotCommand,
    CreateDiskSnapshotCommand,
    CreateDistributionCommand,
    CreateDomainCommand,
    CreateDomainEntryCommand,
    CreateGUISessionAccessDetailsCommand,
    CreateInstancesCommand,
    CreateInstancesFromSnapshotCommand,
    CreateInstanceSnapshotCommand,
    CreateKeyPairCommand,
    CreateLoadBalancerCommand,
    CreateLoadBalancerTlsCertificateCommand,
    CreateRelationalDatabaseCommand,
    CreateRelationalDatabaseFromSnapshotCommand,
    CreateRelationalDatabaseSnapshotCommand,
    CreateSubdomainCommand,
    DeleteAlarmCommand,
    DeleteAutoSnapshotCommand,
    DeleteBucketCommand,
    DeleteBucketAccessKeyCommand,
    DeleteCertificateCommand,
    DeleteContactMethodCommand,
    DeleteContainerImageCommand,
    DeleteContainerServiceCommand,
    DeleteDiskCommand,
    DeleteDiskSnapshotCommand,
    DeleteDistributionCommand,
    DeleteDomainCommand,
    DeleteDomainEntryCommand,
    DeleteInstanceCommand,
    DeleteInstanceSnapshotCommand,
    DeleteKeyPairCommand,
    DeleteKnownHostKeysCommand,
    DeleteLoadBalancerCommand,
    DeleteLoadBalancerTlsCertificateCommand,
    DeleteRelationalDatabaseCommand,
    DeleteRelationalDatabaseSnapshotCommand,
    DeleteSubdomainCommand,
    DetachCertificateFromDistributionCommand,
    DetachDiskCommand,
    DetachInstancesFromLoadBalancerCommand,
    DetachStaticIpCommand,
    DisableAddOnCommand,
    DownloadDefaultKeyPairCommand,
    EnableAddOnCommand,
    ExportSnapshotCommand,
    GetActiveNamesCommand,
    GetAlarmsCommand,
    GetAutoSnapshotsCommand,
    GetBlueprintsCommand,
    GetBucketAccessKeysCommand,
    GetBucketBundlesCommand,
    GetBucketMetricDataCommand,
    GetBucketsCommand,
    GetBundlesCommand,
    GetCertificatesCommand,
    GetCloudFormationStackRecordsCommand,
    GetContactMethodsCommand,
    GetContainerAPIMetadataCommand,
    GetContainerImagesCommand,
    GetContainerLogCommand,
    GetContainerServiceDeploymentsCommand,
    GetContainerServiceMetricDataCommand,
    GetContainerServicePowersCommand,
    GetContainerServicesCommand,
    GetCostEstimateCommand,
    GetDiskCommand,
    GetDisksCommand,
    GetDiskSnapshotCommand,
    GetDiskSnapshotsCommand,
    GetDistributionBundlesCommand,
    GetDistributionLatestCacheResetCommand,
    GetDistributionMetricDataCommand,
    GetDistributionsCommand,
    GetDomainCommand,
    GetDomainsCommand,
    GetExportSnapshotRecordsCommand,
    GetInstanceCommand,
    GetInstanceAccessDetailsCommand,
    GetInstanceMetricDataCommand,
    GetInstancePortStatesCommand,
    GetInstancesCommand,
    GetInstanceSnapshotCommand,
    GetInstanceSnapshotsCommand,
    GetInstanceStateCommand,
    GetKeyPairCommand,
    GetKeyPairsCommand,
    GetLoadBalancerCommand,
    GetLoadBalancerMetricDataCommand,
    GetLoadBalancersCommand,
    GetLoadBalancerTlsCertificatesCommand,
    GetLoadBalancerTlsPoliciesCommand,
    GetOperationCommand,
    GetOperationsCommand,
    GetOperationsForResourceCommand,
    GetProfileCommand,
    GetRegionsCommand,
    GetRelationalDatabaseCommand,
    GetRelationalDatabaseBlueprintsCommand,
    GetRelationalDatabaseBundlesCommand,
    GetRelationalDatabaseEventsCommand,
    GetRelationalDatabaseLogEventsCommand,
    GetRelationalDatabaseLogStreamsCommand,
    GetRelationalDatabaseMasterUserPasswordCommand,
    GetRelationalDatabaseMetricDataCommand,
    GetRelationalDatabaseParametersCommand,
    GetRelationalDatabasesCommand,
    GetRelationalDatabaseSnapshotCommand,
    GetRelationalDatabaseSnapshotsCommand,
    GetSetupHistoryCommand,
    GetStaticIpCommand,
    GetStaticIpsCommand,
    GetSubdomainsCommand,
    ImportKeyPairCommand,
    IsVpcPeeredCommand,
    OpenInstancePublicPortsCommand,
    PeerVpcCommand,
    PutAlarmCommand,
    PutInstancePublicPortsCommand,
    RebootInstanceCommand,
    RebootRelationalDatabaseCommand,
    RegisterContainerImageCommand,
    ReleaseStaticIpCommand,
    ResetDistributionCacheCommand,
    SendContactMethodVerificationCommand,
    SetIpAddressTypeCommand,
    SetResourceAccessForBucketCommand,
    SetupInstanceHttpsCommand,
    StartGUISessionCommand,
    StartInstanceCommand,
    StartRelationalDatabaseCommand,
    StopGUISessionCommand,
    StopInstanceCommand,
    StopRelationalDatabaseCommand,
    TagResourceCommand,
    TestAlarmCommand,
    UnpeerVpcCommand,
    UntagResourceCommand,
    UpdateBucketCommand,
    UpdateBucketBundleCommand,
    UpdateContainerServiceCommand,
    UpdateDistributionCommand,
    UpdateDistributionBundleCommand,
    UpdateDomainEntryCommand,
    UpdateInstanceMetadataOptionsCommand,
    UpdateLoadBalancerAttributeCommand,
    UpdateRelationalDatabaseCommand,
    UpdateRelationalDatabaseParametersCommand,
    UpdateSubdomainAssociationCommand,
};
class Lightsail extends LightsailClient {
}
createAggregatedClient(commands, Lightsail);

const AccessDirection = {
    inbound: "inbound",
    outbound: "outbound",
};
const StatusType = {
    Active: "Active",
    Inactive: "Inactive",
};
const AccessType = {
    Private: "private",
    Public: "public",
};
const BPAStatusMessage = {
    DEFAULTED_FOR_SLR_MISSING: "DEFAULTED_FOR_SLR_MISSING",
    DEFAULTED_FOR_SLR_MISSING_ON_HOLD: "DEFAULTED_FOR_SLR_MISSING_ON_HOLD",
    SYNC_ON_HOLD: "SYNC_ON_HOLD",
    Unknown: "Unknown",
};
const AccountLevelBpaSyncStatus = {
    Defaulted: "Defaulted",
    Failed: "Failed",
    InSync: "InSync",
    NeverSynced: "NeverSynced",
};
const AddOnType = {
    AutoSnapshot: "AutoSnapshot",
    StopInstanceOnIdle: "StopInstanceOnIdle",
};
const ComparisonOperator = {
    GreaterThanOrEqualToThreshold: "GreaterThanOrEqualToThreshold",
    GreaterThanThreshold: "GreaterThanThreshold",
    LessThanOrEqualToThreshold: "LessThanOrEqualToThreshold",
    LessThanThreshold: "LessThanThreshold",
};
const ContactProtocol = {
    Email: "Email",
    SMS: "SMS",
};
const RegionName = {
    AP_EAST_1: "ap-east-1",
    AP_NORTHEAST_1: "ap-northeast-1",
    AP_NORTHEAST_2: "ap-northeast-2",
    AP_SOUTHEAST_1: "ap-southeast-1",
    AP_SOUTHEAST_2: "ap-southeast-2",
    AP_SOUTHEAST_3: "ap-southeast-3",
    AP_SOUTHEAST_5: "ap-southeast-5",
    AP_SOUTH_1: "ap-south-1",
    CA_CENTRAL_1: "ca-central-1",
    EU_CENTRAL_1: "eu-central-1",
    EU_NORTH_1: "eu-north-1",
    EU_SOUTH_2: "eu-south-2",
    EU_WEST_1: "eu-west-1",
    EU_WEST_2: "eu-west-2",
    EU_WEST_3: "eu-west-3",
    SA_EAST_1: "sa-east-1",
    US_EAST_1: "us-east-1",
    US_EAST_2: "us-east-2",
    US_WEST_1: "us-west-1",
    US_WEST_2: "us-west-2",
};
const MetricName = {
    BurstCapacityPercentage: "BurstCapacityPercentage",
    BurstCapacityTime: "BurstCapacityTime",
    CPUUtilization: "CPUUtilization",
    ClientTLSNegotiationErrorCount: "ClientTLSNegotiationErrorCount",
    DatabaseConnections: "DatabaseConnections",
    DiskQueueDepth: "DiskQueueDepth",
    DiskQueueLength: "DiskQueueLength",
    DiskReadBytes: "DiskReadBytes",
    DiskReadOps: "DiskReadOps",
    DiskTotalReadTime: "DiskTotalReadTime",
    DiskTotalWriteTime: "DiskTotalWriteTime",
    DiskWriteBytes: "DiskWriteBytes",
    DiskWriteOps: "DiskWriteOps",
    FreeStorageSpace: "FreeStorageSpace",
    FreeableMemory: "FreeableMemory",
    HTTPCode_Instance_2XX_Count: "HTTPCode_Instance_2XX_Count",
    HTTPCode_Instance_3XX_Count: "HTTPCode_Instance_3XX_Count",
    HTTPCode_Instance_4XX_Count: "HTTPCode_Instance_4XX_Count",
    HTTPCode_Instance_5XX_Count: "HTTPCode_Instance_5XX_Count",
    HTTPCode_LB_4XX_Count: "HTTPCode_LB_4XX_Count",
    HTTPCode_LB_5XX_Count: "HTTPCode_LB_5XX_Count",
    HealthyHostCount: "HealthyHostCount",
    InstanceResponseTime: "InstanceResponseTime",
    NetworkIn: "NetworkIn",
    NetworkOut: "NetworkOut",
    NetworkReceiveThroughput: "NetworkReceiveThroughput",
    NetworkTransmitThroughput: "NetworkTransmitThroughput",
    RejectedConnectionCount: "RejectedConnectionCount",
    RequestCount: "RequestCount",
    StatusCheckFailed: "StatusCheckFailed",
    StatusCheckFailed_Instance: "StatusCheckFailed_Instance",
    StatusCheckFailed_System: "StatusCheckFailed_System",
    SwapUsage: "SwapUsage",
    UnhealthyHostCount: "UnhealthyHostCount",
};
const ResourceType = {
    Alarm: "Alarm",
    Bucket: "Bucket",
    Certificate: "Certificate",
    CloudFormationStackRecord: "CloudFormationStackRecord",
    ContactMethod: "ContactMethod",
    ContainerService: "ContainerService",
    Disk: "Disk",
    DiskSnapshot: "DiskSnapshot",
    Distribution: "Distribution",
    Domain: "Domain",
    ExportSnapshotRecord: "ExportSnapshotRecord",
    Instance: "Instance",
    InstanceSnapshot: "InstanceSnapshot",
    KeyPair: "KeyPair",
    LoadBalancer: "LoadBalancer",
    LoadBalancerTlsCertificate: "LoadBalancerTlsCertificate",
    PeeredVpc: "PeeredVpc",
    RelationalDatabase: "RelationalDatabase",
    RelationalDatabaseSnapshot: "RelationalDatabaseSnapshot",
    StaticIp: "StaticIp",
    Subdomain: "Subdomain",
};
const AlarmState = {
    ALARM: "ALARM",
    INSUFFICIENT_DATA: "INSUFFICIENT_DATA",
    OK: "OK",
};
const MetricStatistic = {
    Average: "Average",
    Maximum: "Maximum",
    Minimum: "Minimum",
    SampleCount: "SampleCount",
    Sum: "Sum",
};
const TreatMissingData = {
    Breaching: "breaching",
    Ignore: "ignore",
    Missing: "missing",
    NotBreaching: "notBreaching",
};
const MetricUnit = {
    Bits: "Bits",
    BitsSecond: "Bits/Second",
    Bytes: "Bytes",
    BytesSecond: "Bytes/Second",
    Count: "Count",
    CountSecond: "Count/Second",
    Gigabits: "Gigabits",
    GigabitsSecond: "Gigabits/Second",
    Gigabytes: "Gigabytes",
    GigabytesSecond: "Gigabytes/Second",
    Kilobits: "Kilobits",
    KilobitsSecond: "Kilobits/Second",
    Kilobytes: "Kilobytes",
    KilobytesSecond: "Kilobytes/Second",
    Megabits: "Megabits",
    MegabitsSecond: "Megabits/Second",
    Megabytes: "Megabytes",
    MegabytesSecond: "Megabytes/Second",
    Microseconds: "Microseconds",
    Milliseconds: "Milliseconds",
    None: "None",
    Percent: "Percent",
    Seconds: "Seconds",
    Terabits: "Terabits",
    TerabitsSecond: "Terabits/Second",
    Terabytes: "Terabytes",
    TerabytesSecond: "Terabytes/Second",
};
const OperationType = {
    AllocateStaticIp: "AllocateStaticIp",
    AttachCertificateToDistribution: "AttachCertificateToDistribution",
    AttachDisk: "AttachDisk",
    AttachInstancesToLoadBalancer: "AttachInstancesToLoadBalancer",
    AttachLoadBalancerTlsCertificate: "AttachLoadBalancerTlsCertificate",
    AttachStaticIp: "AttachStaticIp",
    CloseInstancePublicPorts: "CloseInstancePublicPorts",
    CreateBucket: "CreateBucket",
    CreateBucketAccessKey: "CreateBucketAccessKey",
    CreateCertificate: "CreateCertificate",
    CreateContactMethod: "CreateContactMethod",
    CreateContainerService: "CreateContainerService",
    CreateContainerServiceDeployment: "CreateContainerServiceDeployment",
    CreateContainerServiceRegistryLogin: "CreateContainerServiceRegistryLogin",
    CreateDisk: "CreateDisk",
    CreateDiskFromSnapshot: "CreateDiskFromSnapshot",
    CreateDiskSnapshot: "CreateDiskSnapshot",
    CreateDistribution: "CreateDistribution",
    CreateDomain: "CreateDomain",
    CreateInstance: "CreateInstance",
    CreateInstanceSnapshot: "CreateInstanceSnapshot",
    CreateInstancesFromSnapshot: "CreateInstancesFromSnapshot",
    CreateLoadBalancer: "CreateLoadBalancer",
    CreateLoadBalancerTlsCertificate: "CreateLoadBalancerTlsCertificate",
    CreateRelationalDatabase: "CreateRelationalDatabase",
    CreateRelationalDatabaseFromSnapshot: "CreateRelationalDatabaseFromSnapshot",
    CreateRelationalDatabaseSnapshot: "CreateRelationalDatabaseSnapshot",
    CreateSubdomain: "CreateSubdomain",
    DeleteAlarm: "DeleteAlarm",
    DeleteBucket: "DeleteBucket",
    DeleteBucketAccessKey: "DeleteBucketAccessKey",
    DeleteCertificate: "DeleteCertificate",
    DeleteContactMethod: "DeleteContactMethod",
    DeleteContainerImage: "DeleteContainerImage",
    DeleteContainerService: "DeleteContainerService",
    DeleteDisk: "DeleteDisk",
    DeleteDiskSnapshot: "DeleteDiskSnapshot",
    DeleteDistribution: "DeleteDistribution",
    DeleteDomain: "DeleteDomain",
    DeleteDomainEntry: "DeleteDomainEntry",
    DeleteInstance: "DeleteInstance",
    DeleteInstanceSnapshot: "DeleteInstanceSnapshot",
    DeleteKnownHostKeys: "DeleteKnownHostKeys",
    DeleteLoadBalancer: "DeleteLoadBalancer",
    DeleteLoadBalancerTlsCertificate: "DeleteLoadBalancerTlsCertificate",
    DeleteRelationalDatabase: "DeleteRelationalDatabase",
    DeleteRelationalDatabaseSnapshot: "DeleteRelationalDatabaseSnapshot",
    DeleteSubdomain: "DeleteSubdomain",
    DetachCertificateFromDistribution: "DetachCertificateFromDistribution",
    DetachDisk: "DetachDisk",
    DetachInstancesFromLoadBalancer: "DetachInstancesFromLoadBalancer",
    DetachStaticIp: "DetachStaticIp",
    DisableAddOn: "DisableAddOn",
    EnableAddOn: "EnableAddOn",
    GetAlarms: "GetAlarms",
    GetContactMethods: "GetContactMethods",
    GetProfile: "GetProfile",
    OpenInstancePublicPorts: "OpenInstancePublicPorts",
    PutAlarm: "PutAlarm",
    PutInstancePublicPorts: "PutInstancePublicPorts",
    RebootInstance: "RebootInstance",
    RebootRelationalDatabase: "RebootRelationalDatabase",
    RegisterContainerImage: "RegisterContainerImage",
    ReleaseStaticIp: "ReleaseStaticIp",
    ResetDistributionCache: "ResetDistributionCache",
    SendContactMethodVerification: "SendContactMethodVerification",
    SetIpAddressType: "SetIpAddressType",
    SetResourceAccessForBucket: "SetResourceAccessForBucket",
    SetupInstanceHttps: "SetupInstanceHttps",
    StartGUISession: "StartGUISession",
    StartInstance: "StartInstance",
    StartRelationalDatabase: "StartRelationalDatabase",
    StopGUISession: "StopGUISession",
    StopInstance: "StopInstance",
    StopRelationalDatabase: "StopRelationalDatabase",
    TestAlarm: "TestAlarm",
    UpdateBucket: "UpdateBucket",
    UpdateBucketBundle: "UpdateBucketBundle",
    UpdateContainerService: "UpdateContainerService",
    UpdateDistribution: "UpdateDistribution",
    UpdateDistributionBundle: "UpdateDistributionBundle",
    UpdateDomainEntry: "UpdateDomainEntry",
    UpdateInstanceMetadataOptions: "UpdateInstanceMetadataOptions",
    UpdateLoadBalancerAttribute: "UpdateLoadBalancerAttribute",
    UpdateRelationalDatabase: "UpdateRelationalDatabase",
    UpdateRelationalDatabaseParameters: "UpdateRelationalDatabaseParameters",
    UpdateSubdomainAssociation: "UpdateSubdomainAssociation",
};
const OperationStatus = {
    Completed: "Completed",
    Failed: "Failed",
    NotStarted: "NotStarted",
    Started: "Started",
    Succeeded: "Succeeded",
};
const AppCategory = {
    LfR: "LfR",
};
const AutoMountStatus = {
    Failed: "Failed",
    Mounted: "Mounted",
    NotMounted: "NotMounted",
    Pending: "Pending",
};
const AutoSnapshotStatus = {
    FAILED: "Failed",
    IN_PROGRESS: "InProgress",
    NOT_FOUND: "NotFound",
    SUCCESS: "Success",
};
const BehaviorEnum = {
    CacheSetting: "cache",
    DontCacheSetting: "dont-cache",
};
const InstancePlatform = {
    LinuxUnix: "LINUX_UNIX",
    Windows: "WINDOWS",
};
const BlueprintType = {
    app: "app",
    os: "os",
};
const BucketMetricName = {
    BucketSizeBytes: "BucketSizeBytes",
    NumberOfObjects: "NumberOfObjects",
};
const ForwardValues = {
    all: "all",
    allowList: "allow-list",
    none: "none",
};
const HeaderEnum = {
    accept: "Accept",
    acceptCharset: "Accept-Charset",
    acceptDatetime: "Accept-Datetime",
    acceptEncoding: "Accept-Encoding",
    acceptLanguage: "Accept-Language",
    authorization: "Authorization",
    cloudFrontForwardedProto: "CloudFront-Forwarded-Proto",
    cloudFrontIsDesktopViewer: "CloudFront-Is-Desktop-Viewer",
    cloudFrontIsMobileViewer: "CloudFront-Is-Mobile-Viewer",
    cloudFrontIsSmartTVViewer: "CloudFront-Is-SmartTV-Viewer",
    cloudFrontIsTabletViewer: "CloudFront-Is-Tablet-Viewer",
    cloudFrontViewerCountry: "CloudFront-Viewer-Country",
    host: "Host",
    origin: "Origin",
    referer: "Referer",
};
const DnsRecordCreationStateCode = {
    Failed: "FAILED",
    Started: "STARTED",
    Succeeded: "SUCCEEDED",
};
const CertificateDomainValidationStatus = {
    Failed: "FAILED",
    PendingValidation: "PENDING_VALIDATION",
    Success: "SUCCESS",
};
const RenewalStatus = {
    Failed: "Failed",
    PendingAutoRenewal: "PendingAutoRenewal",
    PendingValidation: "PendingValidation",
    Success: "Success",
};
const CertificateStatus = {
    Expired: "EXPIRED",
    Failed: "FAILED",
    Inactive: "INACTIVE",
    Issued: "ISSUED",
    PendingValidation: "PENDING_VALIDATION",
    Revoked: "REVOKED",
    ValidationTimedOut: "VALIDATION_TIMED_OUT",
};
const CertificateProvider = {
    LetsEncrypt: "LetsEncrypt",
};
const NetworkProtocol = {
    ALL: "all",
    ICMP: "icmp",
    ICMPV6: "icmpv6",
    TCP: "tcp",
    UDP: "udp",
};
const CloudFormationStackRecordSourceType = {
    ExportSnapshotRecord: "ExportSnapshotRecord",
};
const RecordState = {
    Failed: "Failed",
    Started: "Started",
    Succeeded: "Succeeded",
};
const ContactMethodStatus = {
    Invalid: "Invalid",
    PendingVerification: "PendingVerification",
    Valid: "Valid",
};
const ContactMethodVerificationProtocol = {
    Email: "Email",
};
const ContainerServiceProtocol = {
    HTTP: "HTTP",
    HTTPS: "HTTPS",
    TCP: "TCP",
    UDP: "UDP",
};
const ContainerServiceDeploymentState = {
    ACTIVATING: "ACTIVATING",
    ACTIVE: "ACTIVE",
    FAILED: "FAILED",
    INACTIVE: "INACTIVE",
};
const ContainerServicePowerName = {
    large: "large",
    medium: "medium",
    micro: "micro",
    nano: "nano",
    small: "small",
    xlarge: "xlarge",
};
const ContainerServiceState = {
    DELETING: "DELETING",
    DEPLOYING: "DEPLOYING",
    DISABLED: "DISABLED",
    PENDING: "PENDING",
    READY: "READY",
    RUNNING: "RUNNING",
    UPDATING: "UPDATING",
};
const ContainerServiceStateDetailCode = {
    ACTIVATING_DEPLOYMENT: "ACTIVATING_DEPLOYMENT",
    CERTIFICATE_LIMIT_EXCEEDED: "CERTIFICATE_LIMIT_EXCEEDED",
    CREATING_DEPLOYMENT: "CREATING_DEPLOYMENT",
    CREATING_NETWORK_INFRASTRUCTURE: "CREATING_NETWORK_INFRASTRUCTURE",
    CREATING_SYSTEM_RESOURCES: "CREATING_SYSTEM_RESOURCES",
    EVALUATING_HEALTH_CHECK: "EVALUATING_HEALTH_CHECK",
    PROVISIONING_CERTIFICATE: "PROVISIONING_CERTIFICATE",
    PROVISIONING_SERVICE: "PROVISIONING_SERVICE",
    UNKNOWN_ERROR: "UNKNOWN_ERROR",
};
const ContainerServiceMetricName = {
    CPUUtilization: "CPUUtilization",
    MemoryUtilization: "MemoryUtilization",
};
const Currency = {
    USD: "USD",
};
const PricingUnit = {
    Bundles: "Bundles",
    GB: "GB",
    GBMo: "GB-Mo",
    Hrs: "Hrs",
    Queries: "Queries",
};
const PortInfoSourceType = {
    Closed: "CLOSED",
    Default: "DEFAULT",
    Instance: "INSTANCE",
    None: "NONE",
};
const IpAddressType = {
    DUALSTACK: "dualstack",
    IPV4: "ipv4",
    IPV6: "ipv6",
};
const OriginIpAddressTypeEnum = {
    DUALSTACK: "dualstack",
    IPV4: "ipv4",
    IPV6: "ipv6",
};
const OriginProtocolPolicyEnum = {
    HTTPOnly: "http-only",
    HTTPSOnly: "https-only",
};
const ViewerMinimumTlsProtocolVersionEnum = {
    TLSv11_2016: "TLSv1.1_2016",
    TLSv12_2018: "TLSv1.2_2018",
    TLSv12_2019: "TLSv1.2_2019",
    TLSv12_2021: "TLSv1.2_2021",
};
const WafPayloadTypeEnum = {
    FORM_ENCODED: "FORM_ENCODED",
    JSON: "JSON",
};
const WafInspectionLevelEnum = {
    COMMON: "COMMON",
    TARGETED: "TARGETED",
};
const LightsailDistributionSubdomainStateEnum = {
    ATTACHED: "Attached",
    ATTACHING: "Attaching",
    CREATING: "Creating",
    ERROR: "Error",
};
const Status = {
    FailedInstanceCreation: "failedInstanceCreation",
    FailedStartingGUISession: "failedStartingGUISession",
    FailedStoppingGUISession: "failedStoppingGUISession",
    NotStarted: "notStarted",
    SettingUpInstance: "settingUpInstance",
    StartExpired: "startExpired",
    Started: "started",
    Starting: "starting",
    Stopped: "stopped",
    Stopping: "stopping",
};
const SubdomainState = {
    ATTACHED: "ATTACHED",
    ATTACHING: "ATTACHING",
    CREATE_FAILED: "CREATE_FAILED",
    CREATING: "CREATING",
    DETACHING: "DETACHING",
    IMPLICIT: "IMPLICIT",
    TRANSFERRING: "TRANSFERRING",
    UNATTACHED: "UNATTACHED",
};
const DiskState = {
    Available: "available",
    Error: "error",
    InUse: "in-use",
    Pending: "pending",
    Unknown: "unknown",
};
const DiskSnapshotState = {
    Completed: "completed",
    Error: "error",
    Pending: "pending",
    Unknown: "unknown",
};
const DistributionMetricName = {
    BytesDownloaded: "BytesDownloaded",
    BytesUploaded: "BytesUploaded",
    Http4xxErrorRate: "Http4xxErrorRate",
    Http5xxErrorRate: "Http5xxErrorRate",
    Requests: "Requests",
    TotalErrorRate: "TotalErrorRate",
    WafAllowedRequests: "WafAllowedRequests",
    WafBlockedRequests: "WafBlockedRequests",
};
const NameServersUpdateStateCode = {
    Failed: "FAILED",
    Pending: "PENDING",
    Started: "STARTED",
    Succeeded: "SUCCEEDED",
};
const R53HostedZoneDeletionStateCode = {
    Failed: "FAILED",
    Pending: "PENDING",
    Started: "STARTED",
    Succeeded: "SUCCEEDED",
};
const ExportSnapshotRecordSourceType = {
    DiskSnapshot: "DiskSnapshot",
    InstanceSnapshot: "InstanceSnapshot",
};
const InstanceHealthStatusDetailName = {
    REACHABILITY: "reachability",
};
const InstanceHealthStatusDetailValue = {
    FAILED: "failed",
    INITIALIZING: "initializing",
    INSUFFICIENT_DATA: "insufficient-data",
    PASSED: "passed",
};
const InstanceHealthStatusValue = {
    IMPAIRED: "impaired",
    INITIALIZING: "initializing",
    INSUFFICIENT_DATA: "insufficient-data",
    NOT_APPLICABLE: "not-applicable",
    OK: "ok",
};
const HttpEndpoint = {
    disabled: "disabled",
    enabled: "enabled",
};
const HttpProtocolIpv6 = {
    disabled: "disabled",
    enabled: "enabled",
};
const HttpTokens = {
    optional: "optional",
    required: "required",
};
const InstanceMetadataState = {
    applied: "applied",
    pending: "pending",
};
const PortAccessType = {
    Private: "Private",
    Public: "Public",
};
const InstanceAccessProtocol = {
    rdp: "rdp",
    ssh: "ssh",
};
const InstanceMetricName = {
    BurstCapacityPercentage: "BurstCapacityPercentage",
    BurstCapacityTime: "BurstCapacityTime",
    CPUUtilization: "CPUUtilization",
    DiskQueueLength: "DiskQueueLength",
    DiskReadBytes: "DiskReadBytes",
    DiskReadOps: "DiskReadOps",
    DiskTotalReadTime: "DiskTotalReadTime",
    DiskTotalWriteTime: "DiskTotalWriteTime",
    DiskWriteBytes: "DiskWriteBytes",
    DiskWriteOps: "DiskWriteOps",
    MetadataNoToken: "MetadataNoToken",
    NetworkIn: "NetworkIn",
    NetworkOut: "NetworkOut",
    StatusCheckFailed: "StatusCheckFailed",
    StatusCheckFailed_Instance: "StatusCheckFailed_Instance",
    StatusCheckFailed_System: "StatusCheckFailed_System",
};
const PortState = {
    Closed: "closed",
    Open: "open",
};
const InstanceSnapshotState = {
    Available: "available",
    Error: "error",
    Pending: "pending",
};
const LoadBalancerAttributeName = {
    HealthCheckPath: "HealthCheckPath",
    HttpsRedirectionEnabled: "HttpsRedirectionEnabled",
    SessionStickinessEnabled: "SessionStickinessEnabled",
    SessionStickiness_LB_CookieDurationSeconds: "SessionStickiness_LB_CookieDurationSeconds",
    TlsPolicyName: "TlsPolicyName",
};
const InstanceHealthState = {
    Draining: "draining",
    Healthy: "healthy",
    Initial: "initial",
    Unavailable: "unavailable",
    Unhealthy: "unhealthy",
    Unused: "unused",
};
const InstanceHealthReason = {
    InstanceDeregistrationInProgress: "Instance.DeregistrationInProgress",
    InstanceFailedHealthChecks: "Instance.FailedHealthChecks",
    InstanceInvalidState: "Instance.InvalidState",
    InstanceIpUnusable: "Instance.IpUnusable",
    InstanceNotInUse: "Instance.NotInUse",
    InstanceNotRegistered: "Instance.NotRegistered",
    InstanceResponseCodeMismatch: "Instance.ResponseCodeMismatch",
    InstanceTimeout: "Instance.Timeout",
    LbInitialHealthChecking: "Lb.InitialHealthChecking",
    LbInternalError: "Lb.InternalError",
    LbRegistrationInProgress: "Lb.RegistrationInProgress",
};
const LoadBalancerProtocol = {
    HTTP: "HTTP",
    HTTP_HTTPS: "HTTP_HTTPS",
};
const LoadBalancerState = {
    Active: "active",
    ActiveImpaired: "active_impaired",
    Failed: "failed",
    Provisioning: "provisioning",
    Unknown: "unknown",
};
const LoadBalancerMetricName = {
    ClientTLSNegotiationErrorCount: "ClientTLSNegotiationErrorCount",
    HTTPCode_Instance_2XX_Count: "HTTPCode_Instance_2XX_Count",
    HTTPCode_Instance_3XX_Count: "HTTPCode_Instance_3XX_Count",
    HTTPCode_Instance_4XX_Count: "HTTPCode_Instance_4XX_Count",
    HTTPCode_Instance_5XX_Count: "HTTPCode_Instance_5XX_Count",
    HTTPCode_LB_4XX_Count: "HTTPCode_LB_4XX_Count",
    HTTPCode_LB_5XX_Count: "HTTPCode_LB_5XX_Count",
    HealthyHostCount: "HealthyHostCount",
    InstanceResponseTime: "InstanceResponseTime",
    RejectedConnectionCount: "RejectedConnectionCount",
    RequestCount: "RequestCount",
    UnhealthyHostCount: "UnhealthyHostCount",
};
const LoadBalancerTlsCertificateDnsRecordCreationStateCode = {
    Failed: "FAILED",
    Started: "STARTED",
    Succeeded: "SUCCEEDED",
};
const LoadBalancerTlsCertificateDomainStatus = {
    Failed: "FAILED",
    PendingValidation: "PENDING_VALIDATION",
    Success: "SUCCESS",
};
const LoadBalancerTlsCertificateFailureReason = {
    AdditionalVerificationRequired: "ADDITIONAL_VERIFICATION_REQUIRED",
    DomainNotAllowed: "DOMAIN_NOT_ALLOWED",
    InvalidPublicDomain: "INVALID_PUBLIC_DOMAIN",
    NoAvailableContacts: "NO_AVAILABLE_CONTACTS",
    Other: "OTHER",
};
const LoadBalancerTlsCertificateRenewalStatus = {
    Failed: "FAILED",
    PendingAutoRenewal: "PENDING_AUTO_RENEWAL",
    PendingValidation: "PENDING_VALIDATION",
    Success: "SUCCESS",
};
const LoadBalancerTlsCertificateRevocationReason = {
    AACompromise: "A_A_COMPROMISE",
    AffiliationChanged: "AFFILIATION_CHANGED",
    CaCompromise: "CA_COMPROMISE",
    CertificateHold: "CERTIFICATE_HOLD",
    CessationOfOperation: "CESSATION_OF_OPERATION",
    KeyCompromise: "KEY_COMPROMISE",
    PrivilegeWithdrawn: "PRIVILEGE_WITHDRAWN",
    RemoveFromCrl: "REMOVE_FROM_CRL",
    Superceded: "SUPERCEDED",
    Unspecified: "UNSPECIFIED",
};
const LoadBalancerTlsCertificateStatus = {
    Expired: "EXPIRED",
    Failed: "FAILED",
    Inactive: "INACTIVE",
    Issued: "ISSUED",
    PendingValidation: "PENDING_VALIDATION",
    Revoked: "REVOKED",
    Unknown: "UNKNOWN",
    ValidationTimedOut: "VALIDATION_TIMED_OUT",
};
const PartnerStatus = {
    Active: "Active",
    Suspended: "Suspended",
};
const TierName = {
    Accelerate: "Accelerate",
    Essential: "Essential",
    Growth: "Growth",
    Premier: "Premier",
};
const ProfileType = {
    LightsailPartner: "LightsailPartner",
    Lightsailor: "Lightsailor",
};
const RelationalDatabaseEngine = {
    MYSQL: "mysql",
};
const RelationalDatabasePasswordVersion = {
    CURRENT: "CURRENT",
    PENDING: "PENDING",
    PREVIOUS: "PREVIOUS",
};
const RelationalDatabaseMetricName = {
    CPUUtilization: "CPUUtilization",
    DatabaseConnections: "DatabaseConnections",
    DiskQueueDepth: "DiskQueueDepth",
    FreeStorageSpace: "FreeStorageSpace",
    FreeableMemory: "FreeableMemory",
    NetworkReceiveThroughput: "NetworkReceiveThroughput",
    NetworkTransmitThroughput: "NetworkTransmitThroughput",
    SwapUsage: "SwapUsage",
};
const SetupStatus = {
    Failed: "failed",
    InProgress: "inProgress",
    Succeeded: "succeeded",
};
const ResourceBucketAccess = {
    Allow: "allow",
    Deny: "deny",
};
const SubdomainAssociationAction = {
    ASSOCIATE: "ASSOCIATE",
    DISASSOCIATE: "DISASSOCIATE",
    TRANSFER: "TRANSFER",
};

__webpack_unused_export__ = AccessDeniedException;
__webpack_unused_export__ = AccessDeniedException$;
__webpack_unused_export__ = AccessDirection;
__webpack_unused_export__ = AccessKey$;
__webpack_unused_export__ = AccessKeyLastUsed$;
__webpack_unused_export__ = AccessRules$;
__webpack_unused_export__ = AccessType;
__webpack_unused_export__ = AccountLevelBpaSync$;
__webpack_unused_export__ = AccountLevelBpaSyncStatus;
__webpack_unused_export__ = AccountSetupInProgressException;
__webpack_unused_export__ = AccountSetupInProgressException$;
__webpack_unused_export__ = AddOn$;
__webpack_unused_export__ = AddOnRequest$;
__webpack_unused_export__ = AddOnType;
__webpack_unused_export__ = Alarm$;
__webpack_unused_export__ = AlarmState;
__webpack_unused_export__ = AllocateStaticIp$;
__webpack_unused_export__ = AllocateStaticIpCommand;
__webpack_unused_export__ = AllocateStaticIpRequest$;
__webpack_unused_export__ = AllocateStaticIpResult$;
__webpack_unused_export__ = AppCategory;
__webpack_unused_export__ = AttachCertificateToDistribution$;
__webpack_unused_export__ = AttachCertificateToDistributionCommand;
__webpack_unused_export__ = AttachCertificateToDistributionRequest$;
__webpack_unused_export__ = AttachCertificateToDistributionResult$;
__webpack_unused_export__ = AttachDisk$;
__webpack_unused_export__ = AttachDiskCommand;
__webpack_unused_export__ = AttachDiskRequest$;
__webpack_unused_export__ = AttachDiskResult$;
__webpack_unused_export__ = AttachInstancesToLoadBalancer$;
__webpack_unused_export__ = AttachInstancesToLoadBalancerCommand;
__webpack_unused_export__ = AttachInstancesToLoadBalancerRequest$;
__webpack_unused_export__ = AttachInstancesToLoadBalancerResult$;
__webpack_unused_export__ = AttachLoadBalancerTlsCertificate$;
__webpack_unused_export__ = AttachLoadBalancerTlsCertificateCommand;
__webpack_unused_export__ = AttachLoadBalancerTlsCertificateRequest$;
__webpack_unused_export__ = AttachLoadBalancerTlsCertificateResult$;
__webpack_unused_export__ = AttachStaticIp$;
__webpack_unused_export__ = AttachStaticIpCommand;
__webpack_unused_export__ = AttachStaticIpRequest$;
__webpack_unused_export__ = AttachStaticIpResult$;
__webpack_unused_export__ = AttachedDisk$;
__webpack_unused_export__ = AutoMountStatus;
__webpack_unused_export__ = AutoSnapshotAddOnRequest$;
__webpack_unused_export__ = AutoSnapshotDetails$;
__webpack_unused_export__ = AutoSnapshotStatus;
__webpack_unused_export__ = AvailabilityZone$;
__webpack_unused_export__ = BPAStatusMessage;
__webpack_unused_export__ = BehaviorEnum;
__webpack_unused_export__ = Blueprint$;
__webpack_unused_export__ = BlueprintType;
__webpack_unused_export__ = Bucket$;
__webpack_unused_export__ = BucketAccessLogConfig$;
__webpack_unused_export__ = BucketBundle$;
__webpack_unused_export__ = BucketCorsConfig$;
__webpack_unused_export__ = BucketCorsRule$;
__webpack_unused_export__ = BucketMetricName;
__webpack_unused_export__ = BucketState$;
__webpack_unused_export__ = Bundle$;
__webpack_unused_export__ = CacheBehavior$;
__webpack_unused_export__ = CacheBehaviorPerPath$;
__webpack_unused_export__ = CacheSettings$;
__webpack_unused_export__ = Certificate$;
__webpack_unused_export__ = CertificateDomainValidationStatus;
__webpack_unused_export__ = CertificateProvider;
__webpack_unused_export__ = CertificateStatus;
__webpack_unused_export__ = CertificateSummary$;
__webpack_unused_export__ = CheckSubdomainAvailability$;
__webpack_unused_export__ = CheckSubdomainAvailabilityCommand;
__webpack_unused_export__ = CheckSubdomainAvailabilityRequest$;
__webpack_unused_export__ = CheckSubdomainAvailabilityResult$;
__webpack_unused_export__ = CloseInstancePublicPorts$;
__webpack_unused_export__ = CloseInstancePublicPortsCommand;
__webpack_unused_export__ = CloseInstancePublicPortsRequest$;
__webpack_unused_export__ = CloseInstancePublicPortsResult$;
__webpack_unused_export__ = CloudFormationStackRecord$;
__webpack_unused_export__ = CloudFormationStackRecordSourceInfo$;
__webpack_unused_export__ = CloudFormationStackRecordSourceType;
__webpack_unused_export__ = ComparisonOperator;
__webpack_unused_export__ = ContactMethod$;
__webpack_unused_export__ = ContactMethodStatus;
__webpack_unused_export__ = ContactMethodVerificationProtocol;
__webpack_unused_export__ = ContactProtocol;
__webpack_unused_export__ = Container$;
__webpack_unused_export__ = ContainerImage$;
__webpack_unused_export__ = ContainerService$;
__webpack_unused_export__ = ContainerServiceDeployment$;
__webpack_unused_export__ = ContainerServiceDeploymentRequest$;
__webpack_unused_export__ = ContainerServiceDeploymentState;
__webpack_unused_export__ = ContainerServiceECRImagePullerRole$;
__webpack_unused_export__ = ContainerServiceECRImagePullerRoleRequest$;
__webpack_unused_export__ = ContainerServiceEndpoint$;
__webpack_unused_export__ = ContainerServiceHealthCheckConfig$;
__webpack_unused_export__ = ContainerServiceLogEvent$;
__webpack_unused_export__ = ContainerServiceMetricName;
__webpack_unused_export__ = ContainerServicePower$;
__webpack_unused_export__ = ContainerServicePowerName;
__webpack_unused_export__ = ContainerServiceProtocol;
__webpack_unused_export__ = ContainerServiceRegistryLogin$;
__webpack_unused_export__ = ContainerServiceState;
__webpack_unused_export__ = ContainerServiceStateDetail$;
__webpack_unused_export__ = ContainerServiceStateDetailCode;
__webpack_unused_export__ = ContainerServicesListResult$;
__webpack_unused_export__ = CookieObject$;
__webpack_unused_export__ = CopySnapshot$;
__webpack_unused_export__ = CopySnapshotCommand;
__webpack_unused_export__ = CopySnapshotRequest$;
__webpack_unused_export__ = CopySnapshotResult$;
__webpack_unused_export__ = CostEstimate$;
__webpack_unused_export__ = CreateBucket$;
__webpack_unused_export__ = CreateBucketAccessKey$;
__webpack_unused_export__ = CreateBucketAccessKeyCommand;
__webpack_unused_export__ = CreateBucketAccessKeyRequest$;
__webpack_unused_export__ = CreateBucketAccessKeyResult$;
__webpack_unused_export__ = CreateBucketCommand;
__webpack_unused_export__ = CreateBucketRequest$;
__webpack_unused_export__ = CreateBucketResult$;
__webpack_unused_export__ = CreateCertificate$;
__webpack_unused_export__ = CreateCertificateCommand;
__webpack_unused_export__ = CreateCertificateRequest$;
__webpack_unused_export__ = CreateCertificateResult$;
__webpack_unused_export__ = CreateCloudFormationStack$;
__webpack_unused_export__ = CreateCloudFormationStackCommand;
__webpack_unused_export__ = CreateCloudFormationStackRequest$;
__webpack_unused_export__ = CreateCloudFormationStackResult$;
__webpack_unused_export__ = CreateContactMethod$;
__webpack_unused_export__ = CreateContactMethodCommand;
__webpack_unused_export__ = CreateContactMethodRequest$;
__webpack_unused_export__ = CreateContactMethodResult$;
__webpack_unused_export__ = CreateContainerService$;
__webpack_unused_export__ = CreateContainerServiceCommand;
__webpack_unused_export__ = CreateContainerServiceDeployment$;
__webpack_unused_export__ = CreateContainerServiceDeploymentCommand;
__webpack_unused_export__ = CreateContainerServiceDeploymentRequest$;
__webpack_unused_export__ = CreateContainerServiceDeploymentResult$;
__webpack_unused_export__ = CreateContainerServiceRegistryLogin$;
__webpack_unused_export__ = CreateContainerServiceRegistryLoginCommand;
__webpack_unused_export__ = CreateContainerServiceRegistryLoginRequest$;
__webpack_unused_export__ = CreateContainerServiceRegistryLoginResult$;
__webpack_unused_export__ = CreateContainerServiceRequest$;
__webpack_unused_export__ = CreateContainerServiceResult$;
__webpack_unused_export__ = CreateDisk$;
__webpack_unused_export__ = CreateDiskCommand;
__webpack_unused_export__ = CreateDiskFromSnapshot$;
__webpack_unused_export__ = CreateDiskFromSnapshotCommand;
__webpack_unused_export__ = CreateDiskFromSnapshotRequest$;
__webpack_unused_export__ = CreateDiskFromSnapshotResult$;
__webpack_unused_export__ = CreateDiskRequest$;
__webpack_unused_export__ = CreateDiskResult$;
__webpack_unused_export__ = CreateDiskSnapshot$;
exports.NsO = CreateDiskSnapshotCommand;
__webpack_unused_export__ = CreateDiskSnapshotRequest$;
__webpack_unused_export__ = CreateDiskSnapshotResult$;
__webpack_unused_export__ = CreateDistribution$;
__webpack_unused_export__ = CreateDistributionCommand;
__webpack_unused_export__ = CreateDistributionRequest$;
__webpack_unused_export__ = CreateDistributionResult$;
__webpack_unused_export__ = CreateDomain$;
__webpack_unused_export__ = CreateDomainCommand;
__webpack_unused_export__ = CreateDomainEntry$;
__webpack_unused_export__ = CreateDomainEntryCommand;
__webpack_unused_export__ = CreateDomainEntryRequest$;
__webpack_unused_export__ = CreateDomainEntryResult$;
__webpack_unused_export__ = CreateDomainRequest$;
__webpack_unused_export__ = CreateDomainResult$;
__webpack_unused_export__ = CreateGUISessionAccessDetails$;
__webpack_unused_export__ = CreateGUISessionAccessDetailsCommand;
__webpack_unused_export__ = CreateGUISessionAccessDetailsRequest$;
__webpack_unused_export__ = CreateGUISessionAccessDetailsResult$;
__webpack_unused_export__ = CreateInstanceSnapshot$;
exports.HMt = CreateInstanceSnapshotCommand;
__webpack_unused_export__ = CreateInstanceSnapshotRequest$;
__webpack_unused_export__ = CreateInstanceSnapshotResult$;
__webpack_unused_export__ = CreateInstances$;
__webpack_unused_export__ = CreateInstancesCommand;
__webpack_unused_export__ = CreateInstancesFromSnapshot$;
__webpack_unused_export__ = CreateInstancesFromSnapshotCommand;
__webpack_unused_export__ = CreateInstancesFromSnapshotRequest$;
__webpack_unused_export__ = CreateInstancesFromSnapshotResult$;
__webpack_unused_export__ = CreateInstancesRequest$;
__webpack_unused_export__ = CreateInstancesResult$;
__webpack_unused_export__ = CreateKeyPair$;
__webpack_unused_export__ = CreateKeyPairCommand;
__webpack_unused_export__ = CreateKeyPairRequest$;
__webpack_unused_export__ = CreateKeyPairResult$;
__webpack_unused_export__ = CreateLoadBalancer$;
__webpack_unused_export__ = CreateLoadBalancerCommand;
__webpack_unused_export__ = CreateLoadBalancerRequest$;
__webpack_unused_export__ = CreateLoadBalancerResult$;
__webpack_unused_export__ = CreateLoadBalancerTlsCertificate$;
__webpack_unused_export__ = CreateLoadBalancerTlsCertificateCommand;
__webpack_unused_export__ = CreateLoadBalancerTlsCertificateRequest$;
__webpack_unused_export__ = CreateLoadBalancerTlsCertificateResult$;
__webpack_unused_export__ = CreateRelationalDatabase$;
__webpack_unused_export__ = CreateRelationalDatabaseCommand;
__webpack_unused_export__ = CreateRelationalDatabaseFromSnapshot$;
__webpack_unused_export__ = CreateRelationalDatabaseFromSnapshotCommand;
__webpack_unused_export__ = CreateRelationalDatabaseFromSnapshotRequest$;
__webpack_unused_export__ = CreateRelationalDatabaseFromSnapshotResult$;
__webpack_unused_export__ = CreateRelationalDatabaseRequest$;
__webpack_unused_export__ = CreateRelationalDatabaseResult$;
__webpack_unused_export__ = CreateRelationalDatabaseSnapshot$;
__webpack_unused_export__ = CreateRelationalDatabaseSnapshotCommand;
__webpack_unused_export__ = CreateRelationalDatabaseSnapshotRequest$;
__webpack_unused_export__ = CreateRelationalDatabaseSnapshotResult$;
__webpack_unused_export__ = CreateSubdomain$;
__webpack_unused_export__ = CreateSubdomainCommand;
__webpack_unused_export__ = CreateSubdomainRequest$;
__webpack_unused_export__ = CreateSubdomainResult$;
__webpack_unused_export__ = Currency;
__webpack_unused_export__ = DeleteAlarm$;
__webpack_unused_export__ = DeleteAlarmCommand;
__webpack_unused_export__ = DeleteAlarmRequest$;
__webpack_unused_export__ = DeleteAlarmResult$;
__webpack_unused_export__ = DeleteAutoSnapshot$;
__webpack_unused_export__ = DeleteAutoSnapshotCommand;
__webpack_unused_export__ = DeleteAutoSnapshotRequest$;
__webpack_unused_export__ = DeleteAutoSnapshotResult$;
__webpack_unused_export__ = DeleteBucket$;
__webpack_unused_export__ = DeleteBucketAccessKey$;
__webpack_unused_export__ = DeleteBucketAccessKeyCommand;
__webpack_unused_export__ = DeleteBucketAccessKeyRequest$;
__webpack_unused_export__ = DeleteBucketAccessKeyResult$;
__webpack_unused_export__ = DeleteBucketCommand;
__webpack_unused_export__ = DeleteBucketRequest$;
__webpack_unused_export__ = DeleteBucketResult$;
__webpack_unused_export__ = DeleteCertificate$;
__webpack_unused_export__ = DeleteCertificateCommand;
__webpack_unused_export__ = DeleteCertificateRequest$;
__webpack_unused_export__ = DeleteCertificateResult$;
__webpack_unused_export__ = DeleteContactMethod$;
__webpack_unused_export__ = DeleteContactMethodCommand;
__webpack_unused_export__ = DeleteContactMethodRequest$;
__webpack_unused_export__ = DeleteContactMethodResult$;
__webpack_unused_export__ = DeleteContainerImage$;
__webpack_unused_export__ = DeleteContainerImageCommand;
__webpack_unused_export__ = DeleteContainerImageRequest$;
__webpack_unused_export__ = DeleteContainerImageResult$;
__webpack_unused_export__ = DeleteContainerService$;
__webpack_unused_export__ = DeleteContainerServiceCommand;
__webpack_unused_export__ = DeleteContainerServiceRequest$;
__webpack_unused_export__ = DeleteContainerServiceResult$;
__webpack_unused_export__ = DeleteDisk$;
__webpack_unused_export__ = DeleteDiskCommand;
__webpack_unused_export__ = DeleteDiskRequest$;
__webpack_unused_export__ = DeleteDiskResult$;
__webpack_unused_export__ = DeleteDiskSnapshot$;
__webpack_unused_export__ = DeleteDiskSnapshotCommand;
__webpack_unused_export__ = DeleteDiskSnapshotRequest$;
__webpack_unused_export__ = DeleteDiskSnapshotResult$;
__webpack_unused_export__ = DeleteDistribution$;
__webpack_unused_export__ = DeleteDistributionCommand;
__webpack_unused_export__ = DeleteDistributionRequest$;
__webpack_unused_export__ = DeleteDistributionResult$;
__webpack_unused_export__ = DeleteDomain$;
__webpack_unused_export__ = DeleteDomainCommand;
__webpack_unused_export__ = DeleteDomainEntry$;
__webpack_unused_export__ = DeleteDomainEntryCommand;
__webpack_unused_export__ = DeleteDomainEntryRequest$;
__webpack_unused_export__ = DeleteDomainEntryResult$;
__webpack_unused_export__ = DeleteDomainRequest$;
__webpack_unused_export__ = DeleteDomainResult$;
__webpack_unused_export__ = DeleteInstance$;
__webpack_unused_export__ = DeleteInstanceCommand;
__webpack_unused_export__ = DeleteInstanceRequest$;
__webpack_unused_export__ = DeleteInstanceResult$;
__webpack_unused_export__ = DeleteInstanceSnapshot$;
__webpack_unused_export__ = DeleteInstanceSnapshotCommand;
__webpack_unused_export__ = DeleteInstanceSnapshotRequest$;
__webpack_unused_export__ = DeleteInstanceSnapshotResult$;
__webpack_unused_export__ = DeleteKeyPair$;
__webpack_unused_export__ = DeleteKeyPairCommand;
__webpack_unused_export__ = DeleteKeyPairRequest$;
__webpack_unused_export__ = DeleteKeyPairResult$;
__webpack_unused_export__ = DeleteKnownHostKeys$;
__webpack_unused_export__ = DeleteKnownHostKeysCommand;
__webpack_unused_export__ = DeleteKnownHostKeysRequest$;
__webpack_unused_export__ = DeleteKnownHostKeysResult$;
__webpack_unused_export__ = DeleteLoadBalancer$;
__webpack_unused_export__ = DeleteLoadBalancerCommand;
__webpack_unused_export__ = DeleteLoadBalancerRequest$;
__webpack_unused_export__ = DeleteLoadBalancerResult$;
__webpack_unused_export__ = DeleteLoadBalancerTlsCertificate$;
__webpack_unused_export__ = DeleteLoadBalancerTlsCertificateCommand;
__webpack_unused_export__ = DeleteLoadBalancerTlsCertificateRequest$;
__webpack_unused_export__ = DeleteLoadBalancerTlsCertificateResult$;
__webpack_unused_export__ = DeleteRelationalDatabase$;
__webpack_unused_export__ = DeleteRelationalDatabaseCommand;
__webpack_unused_export__ = DeleteRelationalDatabaseRequest$;
__webpack_unused_export__ = DeleteRelationalDatabaseResult$;
__webpack_unused_export__ = DeleteRelationalDatabaseSnapshot$;
__webpack_unused_export__ = DeleteRelationalDatabaseSnapshotCommand;
__webpack_unused_export__ = DeleteRelationalDatabaseSnapshotRequest$;
__webpack_unused_export__ = DeleteRelationalDatabaseSnapshotResult$;
__webpack_unused_export__ = DeleteSubdomain$;
__webpack_unused_export__ = DeleteSubdomainCommand;
__webpack_unused_export__ = DeleteSubdomainRequest$;
__webpack_unused_export__ = DeleteSubdomainResult$;
__webpack_unused_export__ = DestinationInfo$;
__webpack_unused_export__ = DetachCertificateFromDistribution$;
__webpack_unused_export__ = DetachCertificateFromDistributionCommand;
__webpack_unused_export__ = DetachCertificateFromDistributionRequest$;
__webpack_unused_export__ = DetachCertificateFromDistributionResult$;
__webpack_unused_export__ = DetachDisk$;
__webpack_unused_export__ = DetachDiskCommand;
__webpack_unused_export__ = DetachDiskRequest$;
__webpack_unused_export__ = DetachDiskResult$;
__webpack_unused_export__ = DetachInstancesFromLoadBalancer$;
__webpack_unused_export__ = DetachInstancesFromLoadBalancerCommand;
__webpack_unused_export__ = DetachInstancesFromLoadBalancerRequest$;
__webpack_unused_export__ = DetachInstancesFromLoadBalancerResult$;
__webpack_unused_export__ = DetachStaticIp$;
__webpack_unused_export__ = DetachStaticIpCommand;
__webpack_unused_export__ = DetachStaticIpRequest$;
__webpack_unused_export__ = DetachStaticIpResult$;
__webpack_unused_export__ = DisableAddOn$;
__webpack_unused_export__ = DisableAddOnCommand;
__webpack_unused_export__ = DisableAddOnRequest$;
__webpack_unused_export__ = DisableAddOnResult$;
__webpack_unused_export__ = Disk$;
__webpack_unused_export__ = DiskInfo$;
__webpack_unused_export__ = DiskMap$;
__webpack_unused_export__ = DiskSnapshot$;
__webpack_unused_export__ = DiskSnapshotInfo$;
__webpack_unused_export__ = DiskSnapshotState;
__webpack_unused_export__ = DiskState;
__webpack_unused_export__ = DistributionBundle$;
__webpack_unused_export__ = DistributionCustomErrorResponse$;
__webpack_unused_export__ = DistributionMetricName;
__webpack_unused_export__ = DnsRecordCreationState$;
__webpack_unused_export__ = DnsRecordCreationStateCode;
__webpack_unused_export__ = Domain$;
__webpack_unused_export__ = DomainEntry$;
__webpack_unused_export__ = DomainValidationRecord$;
__webpack_unused_export__ = DownloadDefaultKeyPair$;
__webpack_unused_export__ = DownloadDefaultKeyPairCommand;
__webpack_unused_export__ = DownloadDefaultKeyPairRequest$;
__webpack_unused_export__ = DownloadDefaultKeyPairResult$;
__webpack_unused_export__ = EnableAddOn$;
__webpack_unused_export__ = EnableAddOnCommand;
__webpack_unused_export__ = EnableAddOnRequest$;
__webpack_unused_export__ = EnableAddOnResult$;
__webpack_unused_export__ = EndpointRequest$;
__webpack_unused_export__ = EstimateByTime$;
__webpack_unused_export__ = ExportSnapshot$;
__webpack_unused_export__ = ExportSnapshotCommand;
__webpack_unused_export__ = ExportSnapshotRecord$;
__webpack_unused_export__ = ExportSnapshotRecordSourceInfo$;
__webpack_unused_export__ = ExportSnapshotRecordSourceType;
__webpack_unused_export__ = ExportSnapshotRequest$;
__webpack_unused_export__ = ExportSnapshotResult$;
__webpack_unused_export__ = ForwardValues;
__webpack_unused_export__ = GetActiveNames$;
__webpack_unused_export__ = GetActiveNamesCommand;
__webpack_unused_export__ = GetActiveNamesRequest$;
__webpack_unused_export__ = GetActiveNamesResult$;
__webpack_unused_export__ = GetAlarms$;
__webpack_unused_export__ = GetAlarmsCommand;
__webpack_unused_export__ = GetAlarmsRequest$;
__webpack_unused_export__ = GetAlarmsResult$;
__webpack_unused_export__ = GetAutoSnapshots$;
exports.gA5 = GetAutoSnapshotsCommand;
__webpack_unused_export__ = GetAutoSnapshotsRequest$;
__webpack_unused_export__ = GetAutoSnapshotsResult$;
__webpack_unused_export__ = GetBlueprints$;
__webpack_unused_export__ = GetBlueprintsCommand;
__webpack_unused_export__ = GetBlueprintsRequest$;
__webpack_unused_export__ = GetBlueprintsResult$;
__webpack_unused_export__ = GetBucketAccessKeys$;
__webpack_unused_export__ = GetBucketAccessKeysCommand;
__webpack_unused_export__ = GetBucketAccessKeysRequest$;
__webpack_unused_export__ = GetBucketAccessKeysResult$;
__webpack_unused_export__ = GetBucketBundles$;
__webpack_unused_export__ = GetBucketBundlesCommand;
__webpack_unused_export__ = GetBucketBundlesRequest$;
__webpack_unused_export__ = GetBucketBundlesResult$;
__webpack_unused_export__ = GetBucketMetricData$;
__webpack_unused_export__ = GetBucketMetricDataCommand;
__webpack_unused_export__ = GetBucketMetricDataRequest$;
__webpack_unused_export__ = GetBucketMetricDataResult$;
__webpack_unused_export__ = GetBuckets$;
__webpack_unused_export__ = GetBucketsCommand;
__webpack_unused_export__ = GetBucketsRequest$;
__webpack_unused_export__ = GetBucketsResult$;
__webpack_unused_export__ = GetBundles$;
__webpack_unused_export__ = GetBundlesCommand;
__webpack_unused_export__ = GetBundlesRequest$;
__webpack_unused_export__ = GetBundlesResult$;
__webpack_unused_export__ = GetCertificates$;
__webpack_unused_export__ = GetCertificatesCommand;
__webpack_unused_export__ = GetCertificatesRequest$;
__webpack_unused_export__ = GetCertificatesResult$;
__webpack_unused_export__ = GetCloudFormationStackRecords$;
__webpack_unused_export__ = GetCloudFormationStackRecordsCommand;
__webpack_unused_export__ = GetCloudFormationStackRecordsRequest$;
__webpack_unused_export__ = GetCloudFormationStackRecordsResult$;
__webpack_unused_export__ = GetContactMethods$;
__webpack_unused_export__ = GetContactMethodsCommand;
__webpack_unused_export__ = GetContactMethodsRequest$;
__webpack_unused_export__ = GetContactMethodsResult$;
__webpack_unused_export__ = GetContainerAPIMetadata$;
__webpack_unused_export__ = GetContainerAPIMetadataCommand;
__webpack_unused_export__ = GetContainerAPIMetadataRequest$;
__webpack_unused_export__ = GetContainerAPIMetadataResult$;
__webpack_unused_export__ = GetContainerImages$;
__webpack_unused_export__ = GetContainerImagesCommand;
__webpack_unused_export__ = GetContainerImagesRequest$;
__webpack_unused_export__ = GetContainerImagesResult$;
__webpack_unused_export__ = GetContainerLog$;
__webpack_unused_export__ = GetContainerLogCommand;
__webpack_unused_export__ = GetContainerLogRequest$;
__webpack_unused_export__ = GetContainerLogResult$;
__webpack_unused_export__ = GetContainerServiceDeployments$;
__webpack_unused_export__ = GetContainerServiceDeploymentsCommand;
__webpack_unused_export__ = GetContainerServiceDeploymentsRequest$;
__webpack_unused_export__ = GetContainerServiceDeploymentsResult$;
__webpack_unused_export__ = GetContainerServiceMetricData$;
__webpack_unused_export__ = GetContainerServiceMetricDataCommand;
__webpack_unused_export__ = GetContainerServiceMetricDataRequest$;
__webpack_unused_export__ = GetContainerServiceMetricDataResult$;
__webpack_unused_export__ = GetContainerServicePowers$;
__webpack_unused_export__ = GetContainerServicePowersCommand;
__webpack_unused_export__ = GetContainerServicePowersRequest$;
__webpack_unused_export__ = GetContainerServicePowersResult$;
__webpack_unused_export__ = GetContainerServices$;
__webpack_unused_export__ = GetContainerServicesCommand;
__webpack_unused_export__ = GetContainerServicesRequest$;
__webpack_unused_export__ = GetCostEstimate$;
__webpack_unused_export__ = GetCostEstimateCommand;
__webpack_unused_export__ = GetCostEstimateRequest$;
__webpack_unused_export__ = GetCostEstimateResult$;
__webpack_unused_export__ = GetDisk$;
exports.FHr = GetDiskCommand;
__webpack_unused_export__ = GetDiskRequest$;
__webpack_unused_export__ = GetDiskResult$;
__webpack_unused_export__ = GetDiskSnapshot$;
exports.zm = GetDiskSnapshotCommand;
__webpack_unused_export__ = GetDiskSnapshotRequest$;
__webpack_unused_export__ = GetDiskSnapshotResult$;
__webpack_unused_export__ = GetDiskSnapshots$;
exports.WeA = GetDiskSnapshotsCommand;
__webpack_unused_export__ = GetDiskSnapshotsRequest$;
__webpack_unused_export__ = GetDiskSnapshotsResult$;
__webpack_unused_export__ = GetDisks$;
__webpack_unused_export__ = GetDisksCommand;
__webpack_unused_export__ = GetDisksRequest$;
__webpack_unused_export__ = GetDisksResult$;
__webpack_unused_export__ = GetDistributionBundles$;
__webpack_unused_export__ = GetDistributionBundlesCommand;
__webpack_unused_export__ = GetDistributionBundlesRequest$;
__webpack_unused_export__ = GetDistributionBundlesResult$;
__webpack_unused_export__ = GetDistributionLatestCacheReset$;
__webpack_unused_export__ = GetDistributionLatestCacheResetCommand;
__webpack_unused_export__ = GetDistributionLatestCacheResetRequest$;
__webpack_unused_export__ = GetDistributionLatestCacheResetResult$;
__webpack_unused_export__ = GetDistributionMetricData$;
__webpack_unused_export__ = GetDistributionMetricDataCommand;
__webpack_unused_export__ = GetDistributionMetricDataRequest$;
__webpack_unused_export__ = GetDistributionMetricDataResult$;
__webpack_unused_export__ = GetDistributions$;
__webpack_unused_export__ = GetDistributionsCommand;
__webpack_unused_export__ = GetDistributionsRequest$;
__webpack_unused_export__ = GetDistributionsResult$;
__webpack_unused_export__ = GetDomain$;
__webpack_unused_export__ = GetDomainCommand;
__webpack_unused_export__ = GetDomainRequest$;
__webpack_unused_export__ = GetDomainResult$;
__webpack_unused_export__ = GetDomains$;
__webpack_unused_export__ = GetDomainsCommand;
__webpack_unused_export__ = GetDomainsRequest$;
__webpack_unused_export__ = GetDomainsResult$;
__webpack_unused_export__ = GetExportSnapshotRecords$;
__webpack_unused_export__ = GetExportSnapshotRecordsCommand;
__webpack_unused_export__ = GetExportSnapshotRecordsRequest$;
__webpack_unused_export__ = GetExportSnapshotRecordsResult$;
__webpack_unused_export__ = GetInstance$;
__webpack_unused_export__ = GetInstanceAccessDetails$;
__webpack_unused_export__ = GetInstanceAccessDetailsCommand;
__webpack_unused_export__ = GetInstanceAccessDetailsRequest$;
__webpack_unused_export__ = GetInstanceAccessDetailsResult$;
exports.Z_w = GetInstanceCommand;
__webpack_unused_export__ = GetInstanceMetricData$;
__webpack_unused_export__ = GetInstanceMetricDataCommand;
__webpack_unused_export__ = GetInstanceMetricDataRequest$;
__webpack_unused_export__ = GetInstanceMetricDataResult$;
__webpack_unused_export__ = GetInstancePortStates$;
__webpack_unused_export__ = GetInstancePortStatesCommand;
__webpack_unused_export__ = GetInstancePortStatesRequest$;
__webpack_unused_export__ = GetInstancePortStatesResult$;
__webpack_unused_export__ = GetInstanceRequest$;
__webpack_unused_export__ = GetInstanceResult$;
__webpack_unused_export__ = GetInstanceSnapshot$;
exports.B4s = GetInstanceSnapshotCommand;
__webpack_unused_export__ = GetInstanceSnapshotRequest$;
__webpack_unused_export__ = GetInstanceSnapshotResult$;
__webpack_unused_export__ = GetInstanceSnapshots$;
exports.mPA = GetInstanceSnapshotsCommand;
__webpack_unused_export__ = GetInstanceSnapshotsRequest$;
__webpack_unused_export__ = GetInstanceSnapshotsResult$;
__webpack_unused_export__ = GetInstanceState$;
__webpack_unused_export__ = GetInstanceStateCommand;
__webpack_unused_export__ = GetInstanceStateRequest$;
__webpack_unused_export__ = GetInstanceStateResult$;
__webpack_unused_export__ = GetInstances$;
__webpack_unused_export__ = GetInstancesCommand;
__webpack_unused_export__ = GetInstancesRequest$;
__webpack_unused_export__ = GetInstancesResult$;
__webpack_unused_export__ = GetKeyPair$;
__webpack_unused_export__ = GetKeyPairCommand;
__webpack_unused_export__ = GetKeyPairRequest$;
__webpack_unused_export__ = GetKeyPairResult$;
__webpack_unused_export__ = GetKeyPairs$;
__webpack_unused_export__ = GetKeyPairsCommand;
__webpack_unused_export__ = GetKeyPairsRequest$;
__webpack_unused_export__ = GetKeyPairsResult$;
__webpack_unused_export__ = GetLoadBalancer$;
__webpack_unused_export__ = GetLoadBalancerCommand;
__webpack_unused_export__ = GetLoadBalancerMetricData$;
__webpack_unused_export__ = GetLoadBalancerMetricDataCommand;
__webpack_unused_export__ = GetLoadBalancerMetricDataRequest$;
__webpack_unused_export__ = GetLoadBalancerMetricDataResult$;
__webpack_unused_export__ = GetLoadBalancerRequest$;
__webpack_unused_export__ = GetLoadBalancerResult$;
__webpack_unused_export__ = GetLoadBalancerTlsCertificates$;
__webpack_unused_export__ = GetLoadBalancerTlsCertificatesCommand;
__webpack_unused_export__ = GetLoadBalancerTlsCertificatesRequest$;
__webpack_unused_export__ = GetLoadBalancerTlsCertificatesResult$;
__webpack_unused_export__ = GetLoadBalancerTlsPolicies$;
__webpack_unused_export__ = GetLoadBalancerTlsPoliciesCommand;
__webpack_unused_export__ = GetLoadBalancerTlsPoliciesRequest$;
__webpack_unused_export__ = GetLoadBalancerTlsPoliciesResult$;
__webpack_unused_export__ = GetLoadBalancers$;
__webpack_unused_export__ = GetLoadBalancersCommand;
__webpack_unused_export__ = GetLoadBalancersRequest$;
__webpack_unused_export__ = GetLoadBalancersResult$;
__webpack_unused_export__ = GetOperation$;
__webpack_unused_export__ = GetOperationCommand;
__webpack_unused_export__ = GetOperationRequest$;
__webpack_unused_export__ = GetOperationResult$;
__webpack_unused_export__ = GetOperations$;
__webpack_unused_export__ = GetOperationsCommand;
__webpack_unused_export__ = GetOperationsForResource$;
__webpack_unused_export__ = GetOperationsForResourceCommand;
__webpack_unused_export__ = GetOperationsForResourceRequest$;
__webpack_unused_export__ = GetOperationsForResourceResult$;
__webpack_unused_export__ = GetOperationsRequest$;
__webpack_unused_export__ = GetOperationsResult$;
__webpack_unused_export__ = GetProfile$;
__webpack_unused_export__ = GetProfileCommand;
__webpack_unused_export__ = GetProfileRequest$;
__webpack_unused_export__ = GetProfileResult$;
__webpack_unused_export__ = GetRegions$;
__webpack_unused_export__ = GetRegionsCommand;
__webpack_unused_export__ = GetRegionsRequest$;
__webpack_unused_export__ = GetRegionsResult$;
__webpack_unused_export__ = GetRelationalDatabase$;
__webpack_unused_export__ = GetRelationalDatabaseBlueprints$;
__webpack_unused_export__ = GetRelationalDatabaseBlueprintsCommand;
__webpack_unused_export__ = GetRelationalDatabaseBlueprintsRequest$;
__webpack_unused_export__ = GetRelationalDatabaseBlueprintsResult$;
__webpack_unused_export__ = GetRelationalDatabaseBundles$;
__webpack_unused_export__ = GetRelationalDatabaseBundlesCommand;
__webpack_unused_export__ = GetRelationalDatabaseBundlesRequest$;
__webpack_unused_export__ = GetRelationalDatabaseBundlesResult$;
__webpack_unused_export__ = GetRelationalDatabaseCommand;
__webpack_unused_export__ = GetRelationalDatabaseEvents$;
__webpack_unused_export__ = GetRelationalDatabaseEventsCommand;
__webpack_unused_export__ = GetRelationalDatabaseEventsRequest$;
__webpack_unused_export__ = GetRelationalDatabaseEventsResult$;
__webpack_unused_export__ = GetRelationalDatabaseLogEvents$;
__webpack_unused_export__ = GetRelationalDatabaseLogEventsCommand;
__webpack_unused_export__ = GetRelationalDatabaseLogEventsRequest$;
__webpack_unused_export__ = GetRelationalDatabaseLogEventsResult$;
__webpack_unused_export__ = GetRelationalDatabaseLogStreams$;
__webpack_unused_export__ = GetRelationalDatabaseLogStreamsCommand;
__webpack_unused_export__ = GetRelationalDatabaseLogStreamsRequest$;
__webpack_unused_export__ = GetRelationalDatabaseLogStreamsResult$;
__webpack_unused_export__ = GetRelationalDatabaseMasterUserPassword$;
__webpack_unused_export__ = GetRelationalDatabaseMasterUserPasswordCommand;
__webpack_unused_export__ = GetRelationalDatabaseMasterUserPasswordRequest$;
__webpack_unused_export__ = GetRelationalDatabaseMasterUserPasswordResult$;
__webpack_unused_export__ = GetRelationalDatabaseMetricData$;
__webpack_unused_export__ = GetRelationalDatabaseMetricDataCommand;
__webpack_unused_export__ = GetRelationalDatabaseMetricDataRequest$;
__webpack_unused_export__ = GetRelationalDatabaseMetricDataResult$;
__webpack_unused_export__ = GetRelationalDatabaseParameters$;
__webpack_unused_export__ = GetRelationalDatabaseParametersCommand;
__webpack_unused_export__ = GetRelationalDatabaseParametersRequest$;
__webpack_unused_export__ = GetRelationalDatabaseParametersResult$;
__webpack_unused_export__ = GetRelationalDatabaseRequest$;
__webpack_unused_export__ = GetRelationalDatabaseResult$;
__webpack_unused_export__ = GetRelationalDatabaseSnapshot$;
__webpack_unused_export__ = GetRelationalDatabaseSnapshotCommand;
__webpack_unused_export__ = GetRelationalDatabaseSnapshotRequest$;
__webpack_unused_export__ = GetRelationalDatabaseSnapshotResult$;
__webpack_unused_export__ = GetRelationalDatabaseSnapshots$;
__webpack_unused_export__ = GetRelationalDatabaseSnapshotsCommand;
__webpack_unused_export__ = GetRelationalDatabaseSnapshotsRequest$;
__webpack_unused_export__ = GetRelationalDatabaseSnapshotsResult$;
__webpack_unused_export__ = GetRelationalDatabases$;
__webpack_unused_export__ = GetRelationalDatabasesCommand;
__webpack_unused_export__ = GetRelationalDatabasesRequest$;
__webpack_unused_export__ = GetRelationalDatabasesResult$;
__webpack_unused_export__ = GetSetupHistory$;
__webpack_unused_export__ = GetSetupHistoryCommand;
__webpack_unused_export__ = GetSetupHistoryRequest$;
__webpack_unused_export__ = GetSetupHistoryResult$;
__webpack_unused_export__ = GetStaticIp$;
__webpack_unused_export__ = GetStaticIpCommand;
__webpack_unused_export__ = GetStaticIpRequest$;
__webpack_unused_export__ = GetStaticIpResult$;
__webpack_unused_export__ = GetStaticIps$;
__webpack_unused_export__ = GetStaticIpsCommand;
__webpack_unused_export__ = GetStaticIpsRequest$;
__webpack_unused_export__ = GetStaticIpsResult$;
__webpack_unused_export__ = GetSubdomains$;
__webpack_unused_export__ = GetSubdomainsCommand;
__webpack_unused_export__ = GetSubdomainsRequest$;
__webpack_unused_export__ = GetSubdomainsResult$;
__webpack_unused_export__ = HeaderEnum;
__webpack_unused_export__ = HeaderObject$;
__webpack_unused_export__ = HostKeyAttributes$;
__webpack_unused_export__ = HttpEndpoint;
__webpack_unused_export__ = HttpProtocolIpv6;
__webpack_unused_export__ = HttpTokens;
__webpack_unused_export__ = ImportKeyPair$;
__webpack_unused_export__ = ImportKeyPairCommand;
__webpack_unused_export__ = ImportKeyPairRequest$;
__webpack_unused_export__ = ImportKeyPairResult$;
__webpack_unused_export__ = InputOrigin$;
__webpack_unused_export__ = Instance$;
__webpack_unused_export__ = InstanceAccessDetails$;
__webpack_unused_export__ = InstanceAccessProtocol;
__webpack_unused_export__ = InstanceAttributeUpdates$;
__webpack_unused_export__ = InstanceEntry$;
__webpack_unused_export__ = InstanceHardware$;
__webpack_unused_export__ = InstanceHealthReason;
__webpack_unused_export__ = InstanceHealthState;
__webpack_unused_export__ = InstanceHealthStatus$;
__webpack_unused_export__ = InstanceHealthStatusDetail$;
__webpack_unused_export__ = InstanceHealthStatusDetailName;
__webpack_unused_export__ = InstanceHealthStatusDetailValue;
__webpack_unused_export__ = InstanceHealthStatusValue;
__webpack_unused_export__ = InstanceHealthSummary$;
__webpack_unused_export__ = InstanceMetadataOptions$;
__webpack_unused_export__ = InstanceMetadataState;
__webpack_unused_export__ = InstanceMetricName;
__webpack_unused_export__ = InstanceNetworking$;
__webpack_unused_export__ = InstancePlatform;
__webpack_unused_export__ = InstancePortInfo$;
__webpack_unused_export__ = InstancePortState$;
__webpack_unused_export__ = InstanceSnapshot$;
__webpack_unused_export__ = InstanceSnapshotInfo$;
__webpack_unused_export__ = InstanceSnapshotState;
__webpack_unused_export__ = InstanceState$;
__webpack_unused_export__ = InvalidInputException;
__webpack_unused_export__ = InvalidInputException$;
__webpack_unused_export__ = IpAddressType;
__webpack_unused_export__ = IsVpcPeered$;
__webpack_unused_export__ = IsVpcPeeredCommand;
__webpack_unused_export__ = IsVpcPeeredRequest$;
__webpack_unused_export__ = IsVpcPeeredResult$;
__webpack_unused_export__ = KeyPair$;
__webpack_unused_export__ = Lightsail;
exports.dS6 = LightsailClient;
__webpack_unused_export__ = LightsailDistribution$;
__webpack_unused_export__ = LightsailDistributionSubdomain$;
__webpack_unused_export__ = LightsailDistributionSubdomainStateEnum;
__webpack_unused_export__ = LightsailServiceException;
__webpack_unused_export__ = LightsailServiceException$;
__webpack_unused_export__ = LoadBalancer$;
__webpack_unused_export__ = LoadBalancerAttributeName;
__webpack_unused_export__ = LoadBalancerMetricName;
__webpack_unused_export__ = LoadBalancerProtocol;
__webpack_unused_export__ = LoadBalancerState;
__webpack_unused_export__ = LoadBalancerTlsCertificate$;
__webpack_unused_export__ = LoadBalancerTlsCertificateDnsRecordCreationState$;
__webpack_unused_export__ = LoadBalancerTlsCertificateDnsRecordCreationStateCode;
__webpack_unused_export__ = LoadBalancerTlsCertificateDomainStatus;
__webpack_unused_export__ = LoadBalancerTlsCertificateDomainValidationOption$;
__webpack_unused_export__ = LoadBalancerTlsCertificateDomainValidationRecord$;
__webpack_unused_export__ = LoadBalancerTlsCertificateFailureReason;
__webpack_unused_export__ = LoadBalancerTlsCertificateRenewalStatus;
__webpack_unused_export__ = LoadBalancerTlsCertificateRenewalSummary$;
__webpack_unused_export__ = LoadBalancerTlsCertificateRevocationReason;
__webpack_unused_export__ = LoadBalancerTlsCertificateStatus;
__webpack_unused_export__ = LoadBalancerTlsCertificateSummary$;
__webpack_unused_export__ = LoadBalancerTlsPolicy$;
__webpack_unused_export__ = LogEvent$;
__webpack_unused_export__ = MetricDatapoint$;
__webpack_unused_export__ = MetricName;
__webpack_unused_export__ = MetricStatistic;
__webpack_unused_export__ = MetricUnit;
__webpack_unused_export__ = MonitoredResourceInfo$;
__webpack_unused_export__ = MonthlyTransfer$;
__webpack_unused_export__ = NameServersUpdateState$;
__webpack_unused_export__ = NameServersUpdateStateCode;
__webpack_unused_export__ = NetworkProtocol;
__webpack_unused_export__ = NotFoundException;
__webpack_unused_export__ = NotFoundException$;
__webpack_unused_export__ = OpenInstancePublicPorts$;
__webpack_unused_export__ = OpenInstancePublicPortsCommand;
__webpack_unused_export__ = OpenInstancePublicPortsRequest$;
__webpack_unused_export__ = OpenInstancePublicPortsResult$;
__webpack_unused_export__ = Operation$;
__webpack_unused_export__ = OperationFailureException;
__webpack_unused_export__ = OperationFailureException$;
__webpack_unused_export__ = OperationStatus;
__webpack_unused_export__ = OperationType;
__webpack_unused_export__ = Origin$;
__webpack_unused_export__ = OriginIpAddressTypeEnum;
__webpack_unused_export__ = OriginProtocolPolicyEnum;
__webpack_unused_export__ = PartnerInfo$;
__webpack_unused_export__ = PartnerStatus;
__webpack_unused_export__ = PasswordData$;
__webpack_unused_export__ = PeerVpc$;
__webpack_unused_export__ = PeerVpcCommand;
__webpack_unused_export__ = PeerVpcRequest$;
__webpack_unused_export__ = PeerVpcResult$;
__webpack_unused_export__ = PendingMaintenanceAction$;
__webpack_unused_export__ = PendingModifiedRelationalDatabaseValues$;
__webpack_unused_export__ = PortAccessType;
__webpack_unused_export__ = PortInfo$;
__webpack_unused_export__ = PortInfoSourceType;
__webpack_unused_export__ = PortState;
__webpack_unused_export__ = PricingUnit;
__webpack_unused_export__ = PrivateRegistryAccess$;
__webpack_unused_export__ = PrivateRegistryAccessRequest$;
__webpack_unused_export__ = ProfileType;
__webpack_unused_export__ = PutAlarm$;
__webpack_unused_export__ = PutAlarmCommand;
__webpack_unused_export__ = PutAlarmRequest$;
__webpack_unused_export__ = PutAlarmResult$;
__webpack_unused_export__ = PutInstancePublicPorts$;
__webpack_unused_export__ = PutInstancePublicPortsCommand;
__webpack_unused_export__ = PutInstancePublicPortsRequest$;
__webpack_unused_export__ = PutInstancePublicPortsResult$;
__webpack_unused_export__ = QueryStringObject$;
__webpack_unused_export__ = R53HostedZoneDeletionState$;
__webpack_unused_export__ = R53HostedZoneDeletionStateCode;
__webpack_unused_export__ = RebootInstance$;
__webpack_unused_export__ = RebootInstanceCommand;
__webpack_unused_export__ = RebootInstanceRequest$;
__webpack_unused_export__ = RebootInstanceResult$;
__webpack_unused_export__ = RebootRelationalDatabase$;
__webpack_unused_export__ = RebootRelationalDatabaseCommand;
__webpack_unused_export__ = RebootRelationalDatabaseRequest$;
__webpack_unused_export__ = RebootRelationalDatabaseResult$;
__webpack_unused_export__ = RecordState;
__webpack_unused_export__ = Region$;
__webpack_unused_export__ = RegionName;
__webpack_unused_export__ = RegionSetupInProgressException;
__webpack_unused_export__ = RegionSetupInProgressException$;
__webpack_unused_export__ = RegisterContainerImage$;
__webpack_unused_export__ = RegisterContainerImageCommand;
__webpack_unused_export__ = RegisterContainerImageRequest$;
__webpack_unused_export__ = RegisterContainerImageResult$;
__webpack_unused_export__ = RegisteredDomainDelegationInfo$;
__webpack_unused_export__ = RelationalDatabase$;
__webpack_unused_export__ = RelationalDatabaseBlueprint$;
__webpack_unused_export__ = RelationalDatabaseBundle$;
__webpack_unused_export__ = RelationalDatabaseEndpoint$;
__webpack_unused_export__ = RelationalDatabaseEngine;
__webpack_unused_export__ = RelationalDatabaseEvent$;
__webpack_unused_export__ = RelationalDatabaseHardware$;
__webpack_unused_export__ = RelationalDatabaseMetricName;
__webpack_unused_export__ = RelationalDatabaseParameter$;
__webpack_unused_export__ = RelationalDatabasePasswordVersion;
__webpack_unused_export__ = RelationalDatabaseSnapshot$;
__webpack_unused_export__ = ReleaseStaticIp$;
__webpack_unused_export__ = ReleaseStaticIpCommand;
__webpack_unused_export__ = ReleaseStaticIpRequest$;
__webpack_unused_export__ = ReleaseStaticIpResult$;
__webpack_unused_export__ = RenewalStatus;
__webpack_unused_export__ = RenewalSummary$;
__webpack_unused_export__ = ResetDistributionCache$;
__webpack_unused_export__ = ResetDistributionCacheCommand;
__webpack_unused_export__ = ResetDistributionCacheRequest$;
__webpack_unused_export__ = ResetDistributionCacheResult$;
__webpack_unused_export__ = ResourceBucketAccess;
__webpack_unused_export__ = ResourceBudgetEstimate$;
__webpack_unused_export__ = ResourceLocation$;
__webpack_unused_export__ = ResourceReceivingAccess$;
__webpack_unused_export__ = ResourceRecord$;
__webpack_unused_export__ = ResourceType;
__webpack_unused_export__ = SendContactMethodVerification$;
__webpack_unused_export__ = SendContactMethodVerificationCommand;
__webpack_unused_export__ = SendContactMethodVerificationRequest$;
__webpack_unused_export__ = SendContactMethodVerificationResult$;
__webpack_unused_export__ = ServiceException;
__webpack_unused_export__ = ServiceException$;
__webpack_unused_export__ = Session$;
__webpack_unused_export__ = SetIpAddressType$;
__webpack_unused_export__ = SetIpAddressTypeCommand;
__webpack_unused_export__ = SetIpAddressTypeRequest$;
__webpack_unused_export__ = SetIpAddressTypeResult$;
__webpack_unused_export__ = SetResourceAccessForBucket$;
__webpack_unused_export__ = SetResourceAccessForBucketCommand;
__webpack_unused_export__ = SetResourceAccessForBucketRequest$;
__webpack_unused_export__ = SetResourceAccessForBucketResult$;
__webpack_unused_export__ = SetupExecutionDetails$;
__webpack_unused_export__ = SetupHistory$;
__webpack_unused_export__ = SetupHistoryResource$;
__webpack_unused_export__ = SetupInstanceHttps$;
__webpack_unused_export__ = SetupInstanceHttpsCommand;
__webpack_unused_export__ = SetupInstanceHttpsRequest$;
__webpack_unused_export__ = SetupInstanceHttpsResult$;
__webpack_unused_export__ = SetupRequest$;
__webpack_unused_export__ = SetupStatus;
__webpack_unused_export__ = StartGUISession$;
__webpack_unused_export__ = StartGUISessionCommand;
__webpack_unused_export__ = StartGUISessionRequest$;
__webpack_unused_export__ = StartGUISessionResult$;
__webpack_unused_export__ = StartInstance$;
__webpack_unused_export__ = StartInstanceCommand;
__webpack_unused_export__ = StartInstanceRequest$;
__webpack_unused_export__ = StartInstanceResult$;
__webpack_unused_export__ = StartRelationalDatabase$;
__webpack_unused_export__ = StartRelationalDatabaseCommand;
__webpack_unused_export__ = StartRelationalDatabaseRequest$;
__webpack_unused_export__ = StartRelationalDatabaseResult$;
__webpack_unused_export__ = StaticIp$;
__webpack_unused_export__ = Status;
__webpack_unused_export__ = StatusType;
__webpack_unused_export__ = StopGUISession$;
__webpack_unused_export__ = StopGUISessionCommand;
__webpack_unused_export__ = StopGUISessionRequest$;
__webpack_unused_export__ = StopGUISessionResult$;
__webpack_unused_export__ = StopInstance$;
__webpack_unused_export__ = StopInstanceCommand;
__webpack_unused_export__ = StopInstanceOnIdleRequest$;
__webpack_unused_export__ = StopInstanceRequest$;
__webpack_unused_export__ = StopInstanceResult$;
__webpack_unused_export__ = StopRelationalDatabase$;
__webpack_unused_export__ = StopRelationalDatabaseCommand;
__webpack_unused_export__ = StopRelationalDatabaseRequest$;
__webpack_unused_export__ = StopRelationalDatabaseResult$;
__webpack_unused_export__ = Subdomain$;
__webpack_unused_export__ = SubdomainAssociationAction;
__webpack_unused_export__ = SubdomainAttachableResource$;
__webpack_unused_export__ = SubdomainState;
__webpack_unused_export__ = Tag$;
__webpack_unused_export__ = TagResource$;
__webpack_unused_export__ = TagResourceCommand;
__webpack_unused_export__ = TagResourceRequest$;
__webpack_unused_export__ = TagResourceResult$;
__webpack_unused_export__ = TestAlarm$;
__webpack_unused_export__ = TestAlarmCommand;
__webpack_unused_export__ = TestAlarmRequest$;
__webpack_unused_export__ = TestAlarmResult$;
__webpack_unused_export__ = TierName;
__webpack_unused_export__ = TimePeriod$;
__webpack_unused_export__ = TreatMissingData;
__webpack_unused_export__ = UnauthenticatedException;
__webpack_unused_export__ = UnauthenticatedException$;
__webpack_unused_export__ = UnpeerVpc$;
__webpack_unused_export__ = UnpeerVpcCommand;
__webpack_unused_export__ = UnpeerVpcRequest$;
__webpack_unused_export__ = UnpeerVpcResult$;
__webpack_unused_export__ = UntagResource$;
__webpack_unused_export__ = UntagResourceCommand;
__webpack_unused_export__ = UntagResourceRequest$;
__webpack_unused_export__ = UntagResourceResult$;
__webpack_unused_export__ = UpdateBucket$;
__webpack_unused_export__ = UpdateBucketBundle$;
__webpack_unused_export__ = UpdateBucketBundleCommand;
__webpack_unused_export__ = UpdateBucketBundleRequest$;
__webpack_unused_export__ = UpdateBucketBundleResult$;
__webpack_unused_export__ = UpdateBucketCommand;
__webpack_unused_export__ = UpdateBucketRequest$;
__webpack_unused_export__ = UpdateBucketResult$;
__webpack_unused_export__ = UpdateContainerService$;
__webpack_unused_export__ = UpdateContainerServiceCommand;
__webpack_unused_export__ = UpdateContainerServiceRequest$;
__webpack_unused_export__ = UpdateContainerServiceResult$;
__webpack_unused_export__ = UpdateDistribution$;
__webpack_unused_export__ = UpdateDistributionBundle$;
__webpack_unused_export__ = UpdateDistributionBundleCommand;
__webpack_unused_export__ = UpdateDistributionBundleRequest$;
__webpack_unused_export__ = UpdateDistributionBundleResult$;
__webpack_unused_export__ = UpdateDistributionCommand;
__webpack_unused_export__ = UpdateDistributionRequest$;
__webpack_unused_export__ = UpdateDistributionResult$;
__webpack_unused_export__ = UpdateDomainEntry$;
__webpack_unused_export__ = UpdateDomainEntryCommand;
__webpack_unused_export__ = UpdateDomainEntryRequest$;
__webpack_unused_export__ = UpdateDomainEntryResult$;
__webpack_unused_export__ = UpdateInstanceMetadataOptions$;
__webpack_unused_export__ = UpdateInstanceMetadataOptionsCommand;
__webpack_unused_export__ = UpdateInstanceMetadataOptionsRequest$;
__webpack_unused_export__ = UpdateInstanceMetadataOptionsResult$;
__webpack_unused_export__ = UpdateLoadBalancerAttribute$;
__webpack_unused_export__ = UpdateLoadBalancerAttributeCommand;
__webpack_unused_export__ = UpdateLoadBalancerAttributeRequest$;
__webpack_unused_export__ = UpdateLoadBalancerAttributeResult$;
__webpack_unused_export__ = UpdateRelationalDatabase$;
__webpack_unused_export__ = UpdateRelationalDatabaseCommand;
__webpack_unused_export__ = UpdateRelationalDatabaseParameters$;
__webpack_unused_export__ = UpdateRelationalDatabaseParametersCommand;
__webpack_unused_export__ = UpdateRelationalDatabaseParametersRequest$;
__webpack_unused_export__ = UpdateRelationalDatabaseParametersResult$;
__webpack_unused_export__ = UpdateRelationalDatabaseRequest$;
__webpack_unused_export__ = UpdateRelationalDatabaseResult$;
__webpack_unused_export__ = UpdateSubdomainAssociation$;
__webpack_unused_export__ = UpdateSubdomainAssociationCommand;
__webpack_unused_export__ = UpdateSubdomainAssociationRequest$;
__webpack_unused_export__ = UpdateSubdomainAssociationResult$;
__webpack_unused_export__ = ViewerMinimumTlsProtocolVersionEnum;
__webpack_unused_export__ = WafAcfpConfig$;
__webpack_unused_export__ = WafAtpConfig$;
__webpack_unused_export__ = WafBotControlConfig$;
__webpack_unused_export__ = WafConfig$;
__webpack_unused_export__ = WafInspectionLevelEnum;
__webpack_unused_export__ = WafPayloadTypeEnum;
__webpack_unused_export__ = WafResponseInspection$;
__webpack_unused_export__ = WafRule$;
__webpack_unused_export__ = errorTypeRegistries;


/***/ })

};
