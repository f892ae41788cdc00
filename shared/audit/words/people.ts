/** How the audit trail names the people ledger's actions (人员台账), merged into ledgersAuditWords. */
export const peopleAuditWords = {
  actions: {
    create: '登记工作人员',
    update: '修改工作人员信息',
    saveQualification: '登记或修改资质证书',
    removeQualification: '删除资质证书',
    addTraining: '登记培训/督导',
    removeTraining: '删除培训/督导记录',
    addServiceHours: '登记志愿服务时长',
    removeServiceHours: '删除志愿服务时长',
    export: '导出人员台账',
    importStaffList: '导入人员名单',
  },
  objects: { person: '工作人员', qualification: '资质证书' },
  details: { employment: '人员类别', qualificationKind: '资质类别', trainingKind: '培训或督导', hours: '时长（小时）', imported: '导入人数' },
};
