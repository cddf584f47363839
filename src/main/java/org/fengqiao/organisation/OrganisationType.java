package org.fengqiao.organisation;

public enum OrganisationType {
    CENTRE("矛盾纠纷多元化解中心"),
    PEOPLES_MEDIATION_COMMITTEE("人民调解委员会"),
    INDUSTRY_MEDIATION_COMMITTEE("行业性专业性调解委员会"),
    ADMINISTRATIVE_ORGAN("行政调解机关"),
    LAWYER_MEDIATION_ROOM("律师调解工作室"),
    COURT("人民法院"),
    PROCURATORATE("人民检察院"),
    POLICE("公安机关"),
    DISCIPLINE_SUPERVISION("纪委监委"),
    CUSTODY_CENTRE("涉案财物管理中心"),
    DEPARTMENT("职能部门");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Organisations a dispute can be pushed or designated to for mediation. */
    public boolean mediates() {
        return this == PEOPLES_MEDIATION_COMMITTEE || this == INDUSTRY_MEDIATION_COMMITTEE
                || this == ADMINISTRATIVE_ORGAN || this == LAWYER_MEDIATION_ROOM;
    }
}
