-- index activities_by_day
CREATE INDEX activities_by_day ON activities (held_on, type);

-- index activities_by_group
CREATE INDEX activities_by_group ON activities (group_id, held_on) WHERE group_id IS NOT NULL;

-- index activity_outreach_by_target
CREATE INDEX activity_outreach_by_target ON activity_outreach (target, activity_id);

-- index activity_roster_by_client
CREATE INDEX activity_roster_by_client ON activity_roster (client_id);

-- index activity_staff_by_user
CREATE INDEX activity_staff_by_user ON activity_staff (user_id);

-- index alerts_open
CREATE INDEX alerts_open ON alerts (acknowledged_at);

-- index alerts_result
CREATE INDEX alerts_result ON alerts (result_id);

-- index appointments_client
CREATE INDEX appointments_client ON appointments (client_id, start_minute);

-- index appointments_client_end
CREATE INDEX appointments_client_end ON appointments (client_id, end_minute);

-- index appointments_counsellor
CREATE INDEX appointments_counsellor ON appointments (counsellor_id, start_minute);

-- index appointments_counsellor_end
CREATE INDEX appointments_counsellor_end ON appointments (counsellor_id, end_minute);

-- index appointments_follow_up
CREATE INDEX appointments_follow_up ON appointments (follow_up_id) WHERE follow_up_id IS NOT NULL;

-- index appointments_not_cancelled
CREATE INDEX appointments_not_cancelled ON appointments (start_minute) WHERE status <> 'cancelled';

-- index appointments_room
CREATE INDEX appointments_room ON appointments (room_id, start_minute);

-- index appointments_room_end
CREATE INDEX appointments_room_end ON appointments (room_id, end_minute);

-- index appointments_series
CREATE INDEX appointments_series ON appointments (series_id, start_minute);

-- index appointments_time
CREATE INDEX appointments_time ON appointments (start_minute, end_minute);

-- index attachments_owner
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);

-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, seq);

-- index audit_log_actor
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);

-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);

-- index availability_user
CREATE INDEX availability_user ON availability (user_id, weekday);

-- index cases_by_opening
CREATE INDEX cases_by_opening ON cases (opened_on, closed_on, client_id);

-- index cases_client
CREATE INDEX cases_client ON cases (client_id);

-- index cases_counsellor
CREATE INDEX cases_counsellor ON cases (counsellor_id, status);

-- index clients_by_creation
CREATE INDEX clients_by_creation ON clients (created_at, gender, birth_date, merged_into);

-- index clients_id_number
CREATE UNIQUE INDEX clients_id_number ON clients (id_number) WHERE id_number IS NOT NULL AND merged_into IS NULL;

-- index clients_identity
CREATE INDEX clients_identity ON clients (name, birth_date, phone);

-- index clients_initials
CREATE INDEX clients_initials ON clients (name_initials);

-- index clients_name
CREATE INDEX clients_name ON clients (name);

-- index clients_pinyin
CREATE INDEX clients_pinyin ON clients (name_pinyin);

-- index consents_client
CREATE INDEX consents_client ON consents (client_id);

-- index counselling_group_feedback_by_activity
CREATE INDEX counselling_group_feedback_by_activity ON counselling_group_feedback (activity_id);

-- index counselling_group_leaders_by_user
CREATE INDEX counselling_group_leaders_by_user ON counselling_group_leaders (user_id);

-- index counselling_group_members_by_client
CREATE INDEX counselling_group_members_by_client ON counselling_group_members (client_id) WHERE client_id IS NOT NULL;

-- index counselling_group_members_by_group
CREATE INDEX counselling_group_members_by_group ON counselling_group_members (group_id, status);

-- index crises_by_start
CREATE INDEX crises_by_start ON crises (started_at);

-- index crises_client
CREATE INDEX crises_client ON crises (client_id);

-- index crises_status
CREATE INDEX crises_status ON crises (status, started_at);

-- index duty_logs_by_day
CREATE INDEX duty_logs_by_day ON duty_logs (day, start_time);

-- index duty_logs_by_user
CREATE INDEX duty_logs_by_user ON duty_logs (user_id, day);

-- index duty_shifts_by_day
CREATE INDEX duty_shifts_by_day ON duty_shifts (day, start_time);

-- index duty_shifts_by_user
CREATE INDEX duty_shifts_by_user ON duty_shifts (user_id, day);

-- index follow_ups_client
CREATE INDEX follow_ups_client ON follow_ups (client_id, due_on);

-- index follow_ups_done
CREATE INDEX follow_ups_done ON follow_ups (done_on, method, level, client_id, participants) WHERE status = 'done';

-- index follow_ups_due
CREATE INDEX follow_ups_due ON follow_ups (status, due_on);

-- index hotline_calls_by_client
CREATE INDEX hotline_calls_by_client ON hotline_calls (client_id) WHERE client_id IS NOT NULL;

-- index hotline_calls_by_day
CREATE INDEX hotline_calls_by_day ON hotline_calls (called_on, problem_type);

-- index inspection_findings_inspection
CREATE INDEX inspection_findings_inspection ON inspection_findings (inspection_id);

-- index inspections_planned
CREATE INDEX inspections_planned ON inspections (planned_on);

-- index meeting_decisions_open
CREATE INDEX meeting_decisions_open ON meeting_decisions (responsible_id, due_on) WHERE done = 0;

-- index meeting_staff_by_user
CREATE INDEX meeting_staff_by_user ON meeting_staff (user_id);

-- index meetings_by_case
CREATE INDEX meetings_by_case ON meetings (case_id) WHERE case_id IS NOT NULL;

-- index meetings_by_day
CREATE INDEX meetings_by_day ON meetings (held_on, kind);

-- index person_qualifications_by_expiry
CREATE INDEX person_qualifications_by_expiry ON person_qualifications (expires_on) WHERE expires_on IS NOT NULL;

-- index person_qualifications_by_person
CREATE INDEX person_qualifications_by_person ON person_qualifications (person_id);

-- index person_trainings_by_day
CREATE INDEX person_trainings_by_day ON person_trainings (held_on, person_id);

-- index received_packages_by_period
CREATE INDEX received_packages_by_period ON received_packages (period, station_id);

-- index rectifications_inspection
CREATE INDEX rectifications_inspection ON rectifications (inspection_id);

-- index referrals_by_day
CREATE INDEX referrals_by_day ON referrals (sent_on);

-- index referrals_client
CREATE INDEX referrals_client ON referrals (client_id);

-- index referrals_status
CREATE INDEX referrals_status ON referrals (status, sent_on);

-- index report_versions_one_draft
CREATE UNIQUE INDEX report_versions_one_draft ON report_versions (period) WHERE state = 'draft';

-- index risk_grades_by_time
CREATE INDEX risk_grades_by_time ON risk_grades (graded_at, client_id, level);

-- index risk_grades_client
CREATE INDEX risk_grades_client ON risk_grades (client_id, graded_at);

-- index rule_versions_one_draft
CREATE UNIQUE INDEX rule_versions_one_draft ON rule_versions (rule_id) WHERE version_no IS NULL;

-- index scale_results_by_time
CREATE INDEX scale_results_by_time ON scale_results (completed_at, scale_id, scale_version, band_id, critical, client_id);

-- index scale_results_client
CREATE INDEX scale_results_client ON scale_results (client_id, scale_id, completed_at);

-- index scale_results_scale
CREATE INDEX scale_results_scale ON scale_results (scale_id, scale_version);

-- index screening_participants_screening
CREATE INDEX screening_participants_screening ON screening_participants (screening_id);

-- index screening_visit_tags_by_tag
CREATE INDEX screening_visit_tags_by_tag ON screening_visit_tags (tag, visit_id);

-- index screening_visit_visitors_by_user
CREATE INDEX screening_visit_visitors_by_user ON screening_visit_visitors (user_id, visit_id);

-- index screening_visits_by_client
CREATE INDEX screening_visits_by_client ON screening_visits (client_id) WHERE client_id IS NOT NULL;

-- index screening_visits_by_day
CREATE INDEX screening_visits_by_day ON screening_visits (visited_on);

-- index session_addenda_session
CREATE INDEX session_addenda_session ON session_addenda (session_id);

-- index sessions_by_day
CREATE INDEX sessions_by_day ON counselling_sessions (held_on, case_id, modality);

-- index sessions_case
CREATE INDEX sessions_case ON counselling_sessions (case_id, held_on);

-- index sessions_unsigned
CREATE INDEX sessions_unsigned ON counselling_sessions (counsellor_id) WHERE signed_at IS NULL;

-- index survey_responses_by_survey
CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id) WHERE removed_at IS NULL;

-- index surveys_by_activity
CREATE INDEX surveys_by_activity ON surveys (activity_id) WHERE activity_id IS NOT NULL;

-- index surveys_by_day
CREATE INDEX surveys_by_day ON surveys (held_on, questionnaire_id);

-- index volunteer_service_hours_by_day
CREATE INDEX volunteer_service_hours_by_day ON volunteer_service_hours (served_on, person_id);

-- table activities
CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        theme TEXT NOT NULL,
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        location TEXT NOT NULL,
        partner_units TEXT NOT NULL DEFAULT '[]',
        volunteers TEXT NOT NULL DEFAULT '[]',
        participant_count INTEGER CHECK (participant_count IS NULL OR participant_count >= 0),
        materials INTEGER NOT NULL DEFAULT 0 CHECK (materials >= 0),
        displays INTEGER NOT NULL DEFAULT 0 CHECK (displays >= 0),
        consult_desk INTEGER NOT NULL DEFAULT 0 CHECK (consult_desk IN (0, 1)),
        household_visits INTEGER NOT NULL DEFAULT 0 CHECK (household_visits >= 0),
        online_reach INTEGER CHECK (online_reach IS NULL OR online_reach >= 0),
        online_reach_estimated INTEGER NOT NULL DEFAULT 0 CHECK (online_reach_estimated IN (0, 1)),
        summary TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('planned', 'done')),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Removed, not deleted: the ledger keeps who removed an entry, when and why; lists and counts skip it.
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT, group_id INTEGER REFERENCES counselling_groups (id),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL)),
        CHECK (end_time > start_time),
        CHECK (status = 'planned' OR participant_count IS NOT NULL)
      ) STRICT;

-- table activity_outreach
CREATE TABLE activity_outreach (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        PRIMARY KEY (activity_id, target)
      ) STRICT, WITHOUT ROWID;

-- table activity_roster
CREATE TABLE activity_roster (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        PRIMARY KEY (activity_id, client_id)
      ) STRICT, WITHOUT ROWID;

-- table activity_sign_ins
CREATE TABLE activity_sign_ins (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        row_no INTEGER NOT NULL CHECK (row_no > 0),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        gender TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
        unit TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (activity_id, row_no)
      ) STRICT, WITHOUT ROWID;

-- table activity_staff
CREATE TABLE activity_staff (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (activity_id, user_id)
      ) STRICT, WITHOUT ROWID;

-- table alerts
CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        result_id INTEGER NOT NULL REFERENCES scale_results (id),
        raised_at TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by INTEGER REFERENCES users (id),
        action_note TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table appointment_series
CREATE TABLE appointment_series (
        id INTEGER PRIMARY KEY,
        every_weeks INTEGER NOT NULL CHECK (every_weeks IN (1, 2)),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table appointments
CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        series_id INTEGER REFERENCES appointment_series (id),
        client_id INTEGER REFERENCES clients (id),
        walk_in_name TEXT NOT NULL DEFAULT '',
        walk_in_phone TEXT NOT NULL DEFAULT '',
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        room_id INTEGER NOT NULL REFERENCES rooms (id),
        start_minute INTEGER NOT NULL,
        end_minute INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('individual', 'family', 'group', 'assessment', 'follow_up', 'crisis')),
        status TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'completed', 'no_show', 'cancelled')),
        notes TEXT NOT NULL DEFAULT '',
        override_reason TEXT NOT NULL DEFAULT '',
        cancel_reason TEXT NOT NULL DEFAULT '',
        cancelled_by INTEGER REFERENCES users (id),
        rescheduled_from INTEGER REFERENCES appointments (id),
        follow_up_id INTEGER REFERENCES follow_ups (id),
        session_id INTEGER REFERENCES counselling_sessions (id),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL, reschedule_count INTEGER NOT NULL DEFAULT 0 CHECK (reschedule_count >= 0),
        CHECK (end_minute > start_minute),
        CHECK (client_id IS NOT NULL OR walk_in_name <> '')
      ) STRICT;

-- table attachments
CREATE TABLE "attachments" (
        id INTEGER PRIMARY KEY,
        owner_type TEXT NOT NULL CHECK (owner_type IN ('consent', 'session', 'case', 'referral', 'crisis', 'activity', 'qualification', 'meeting', 'ruleVersion', 'checklistItem', 'rectification')),
        owner_id INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table audit_anchor_key
CREATE TABLE audit_anchor_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mac_key BLOB NOT NULL CHECK (length(mac_key) = 32),
        epoch TEXT NOT NULL,
        anchored INTEGER NOT NULL DEFAULT 0
      );

-- table audit_epochs
CREATE TABLE audit_epochs (
        epoch TEXT PRIMARY KEY,
        ended_seq INTEGER NOT NULL
      );

-- table audit_log
CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor_name TEXT,
        action TEXT NOT NULL,
        object_type TEXT,
        object_id TEXT,
        result TEXT NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
        detail TEXT NOT NULL,
        app_version TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        row_hash TEXT NOT NULL
      ) STRICT;

-- table availability
CREATE TABLE availability (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
        end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
        CHECK (end_minute > start_minute)
      ) STRICT;

-- table availability_exceptions
CREATE TABLE availability_exceptions (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        from_day TEXT NOT NULL,
        to_day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('leave', 'unavailable')),
        note TEXT NOT NULL DEFAULT '',
        CHECK (to_day >= from_day)
      ) STRICT;

-- table backups
CREATE TABLE backups (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        actor_id INTEGER
      ) STRICT;

-- table calendar_days
CREATE TABLE calendar_days (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday', 'closure')),
        name TEXT NOT NULL
      ) STRICT;

-- table case_problems
CREATE TABLE case_problems (
        case_id INTEGER NOT NULL REFERENCES cases (id),
        category TEXT NOT NULL,
        PRIMARY KEY (case_id, category)
      ) STRICT, WITHOUT ROWID;

-- table case_shares
CREATE TABLE case_shares (
        case_id INTEGER NOT NULL REFERENCES cases (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        granted_by INTEGER NOT NULL REFERENCES users (id),
        granted_at TEXT NOT NULL,
        PRIMARY KEY (case_id, user_id)
      ) STRICT, WITHOUT ROWID;

-- table cases
CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_on TEXT NOT NULL,
        open_reason TEXT NOT NULL,
        closed_on TEXT,
        close_reason TEXT,
        created_at TEXT NOT NULL
      , history_granted INTEGER NOT NULL DEFAULT 0 CHECK (history_granted IN (0, 1))) STRICT;

-- table checklist_answers
CREATE TABLE checklist_answers (
        id INTEGER PRIMARY KEY,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        met INTEGER CHECK (met IS NULL OR met IN (0, 1)),
        level INTEGER CHECK (level IS NULL OR level >= 0),
        note TEXT NOT NULL DEFAULT '',
        assessed_by INTEGER NOT NULL REFERENCES users (id),
        assessed_at TEXT NOT NULL,
        UNIQUE (template_id, template_version, item_id)
      ) STRICT;

-- table checklist_choice
CREATE TABLE checklist_choice (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        chosen_by INTEGER NOT NULL REFERENCES users (id),
        chosen_at TEXT NOT NULL
      ) STRICT;

-- table checklist_templates
CREATE TABLE checklist_templates (
        id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        definition TEXT NOT NULL,
        imported_by INTEGER NOT NULL REFERENCES users (id),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT, WITHOUT ROWID;

-- table client_tags
CREATE TABLE client_tags (
        client_id INTEGER NOT NULL REFERENCES clients (id),
        tag TEXT NOT NULL,
        PRIMARY KEY (client_id, tag)
      ) STRICT, WITHOUT ROWID;

-- table clients
CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL,
        name_initials TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('male', 'female', 'unknown')),
        birth_date TEXT,
        id_number TEXT,
        phone TEXT,
        address TEXT NOT NULL DEFAULT '',
        community TEXT NOT NULL DEFAULT '',
        grid TEXT NOT NULL DEFAULT '',
        guardian_name TEXT NOT NULL DEFAULT '',
        guardian_phone TEXT NOT NULL DEFAULT '',
        guardian_relation TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        risk_level TEXT CHECK (risk_level IN ('red', 'yellow', 'green')),
        merged_into INTEGER REFERENCES clients (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id)
      , merge_reason TEXT) STRICT;

-- table clinical_encryption
CREATE TABLE clinical_encryption (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        completed_at TEXT NOT NULL
      ) STRICT;

-- table consents
CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        kind TEXT NOT NULL CHECK (kind IN ('service', 'guardian', 'sharing')),
        signer_name TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL
      ) STRICT;

-- table counselling_group_attendance
CREATE TABLE counselling_group_attendance (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES counselling_group_members (id),
        status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
        PRIMARY KEY (activity_id, member_id)
      ) STRICT, WITHOUT ROWID;

-- table counselling_group_feedback
CREATE TABLE counselling_group_feedback (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        helpfulness INTEGER NOT NULL CHECK (helpfulness BETWEEN 1 AND 5),
        atmosphere INTEGER NOT NULL CHECK (atmosphere BETWEEN 1 AND 5),
        recommend INTEGER NOT NULL CHECK (recommend IN (0, 1)),
        comment TEXT NOT NULL DEFAULT '',
        entered_by INTEGER NOT NULL REFERENCES users (id),
        entered_at TEXT NOT NULL
      ) STRICT;

-- table counselling_group_leaders
CREATE TABLE counselling_group_leaders (
        group_id INTEGER NOT NULL REFERENCES counselling_groups (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (group_id, user_id)
      ) STRICT, WITHOUT ROWID;

-- table counselling_group_members
CREATE TABLE counselling_group_members (
        id INTEGER PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES counselling_groups (id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        gender TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
        age INTEGER CHECK (age IS NULL OR age BETWEEN 3 AND 120),
        phone TEXT NOT NULL DEFAULT '',
        client_id INTEGER REFERENCES clients (id),
        signed_up_on TEXT NOT NULL,
        motive TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('signedUp', 'admitted', 'declined', 'withdrawn')),
        agreement_signed_on TEXT,
        left_on TEXT,
        left_reason TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK ((status = 'signedUp') = (agreement_signed_on IS NULL AND left_on IS NULL) OR status <> 'signedUp'),
        CHECK (status <> 'admitted' OR (agreement_signed_on IS NOT NULL AND left_on IS NULL)),
        CHECK ((status IN ('declined', 'withdrawn')) = (left_on IS NOT NULL AND left_reason IS NOT NULL)),
        CHECK (status <> 'withdrawn' OR agreement_signed_on IS NOT NULL)
      ) STRICT;

-- table counselling_groups
CREATE TABLE counselling_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        target_group TEXT NOT NULL,
        goals TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL,
        planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 30),
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 2 AND 40),
        closed_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table counselling_sessions
CREATE TABLE counselling_sessions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        modality TEXT NOT NULL CHECK (modality IN ('in_person', 'phone', 'home_visit', 'online', 'group')),
        kind TEXT NOT NULL CHECK (kind IN ('intake', 'follow_up_session', 'crisis', 'follow_up_visit', 'closing')),
        complaint TEXT NOT NULL DEFAULT '',
        assessment TEXT NOT NULL DEFAULT '',
        intervention TEXT NOT NULL DEFAULT '',
        plan TEXT NOT NULL DEFAULT '',
        free_text TEXT NOT NULL DEFAULT '',
        signed_at TEXT,
        signed_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table crises
CREATE TABLE crises (
        id INTEGER PRIMARY KEY,
        -- An unknown person (a caller, someone brought in) has no client record yet.
        client_id INTEGER REFERENCES clients (id),
        unknown_person TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'resolved')),
        outcome TEXT CHECK (outcome IN ('stabilized', 'medical_referral', 'hospitalized', 'police', 'family_pickup', 'other')),
        outcome_note TEXT NOT NULL DEFAULT '',
        follow_up_plan TEXT NOT NULL DEFAULT '',
        resolved_at TEXT,
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK (client_id IS NOT NULL OR unknown_person <> '')
      ) STRICT;

-- table crisis_contacts
CREATE TABLE crisis_contacts (
        id INTEGER PRIMARY KEY,
        crisis_id INTEGER NOT NULL REFERENCES crises (id),
        party TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        contacted_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;

-- table crisis_steps
CREATE TABLE crisis_steps (
        crisis_id INTEGER NOT NULL REFERENCES crises (id),
        step TEXT NOT NULL,
        done_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        done_by INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (crisis_id, step)
      ) STRICT, WITHOUT ROWID;

-- table dictionary_items
CREATE TABLE dictionary_items (
        id INTEGER PRIMARY KEY,
        dictionary TEXT NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort INTEGER NOT NULL DEFAULT 0,
        UNIQUE (dictionary, code)
      ) STRICT;

-- table district_map
CREATE TABLE district_map (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        geojson TEXT NOT NULL,
        code_property TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- table district_reports
CREATE TABLE district_reports (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        correction_reason TEXT CHECK ((version = 1) = (correction_reason IS NULL)),
        sources TEXT NOT NULL,
        package TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        made_by INTEGER NOT NULL REFERENCES users (id),
        made_at TEXT NOT NULL,
        UNIQUE (period, version)
      ) STRICT;

-- table district_stations
CREATE TABLE district_stations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        region_code TEXT NOT NULL UNIQUE,
        level TEXT NOT NULL CHECK (level IN ('community', 'street')),
        fingerprint TEXT NOT NULL,
        opened_on TEXT NOT NULL,
        closed_on TEXT CHECK (closed_on IS NULL OR closed_on >= opened_on),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table duty_logs
CREATE TABLE duty_logs (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        day TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        visitors_received INTEGER NOT NULL DEFAULT 0 CHECK (visitors_received >= 0),
        calls_received INTEGER NOT NULL DEFAULT 0 CHECK (calls_received >= 0),
        events TEXT NOT NULL DEFAULT '',
        incidents TEXT NOT NULL DEFAULT '',
        handover TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_time > start_time)
      ) STRICT;

-- table duty_shifts
CREATE TABLE duty_shifts (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        day TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_time > start_time)
      ) STRICT;

-- table follow_ups
CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        due_on TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'green')),
        status TEXT NOT NULL CHECK (status IN ('due', 'done', 'cancelled')),
        done_on TEXT,
        method TEXT CHECK (method IN ('home_visit', 'phone', 'visit', 'video')),
        participants TEXT NOT NULL DEFAULT '[]',
        findings TEXT NOT NULL DEFAULT '',
        reassessed_level TEXT CHECK (reassessed_level IN ('red', 'yellow', 'green')),
        recorded_by INTEGER REFERENCES users (id),
        cancel_reason TEXT
      ) STRICT;

-- table hotline_calls
CREATE TABLE hotline_calls (
        id INTEGER PRIMARY KEY,
        called_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        taken_by INTEGER NOT NULL REFERENCES users (id),
        caller_type TEXT NOT NULL,
        problem_type TEXT NOT NULL,
        high_risk INTEGER NOT NULL DEFAULT 0 CHECK (high_risk IN (0, 1)),
        difficult INTEGER NOT NULL DEFAULT 0 CHECK (difficult IN (0, 1)),
        repeat_caller INTEGER NOT NULL DEFAULT 0 CHECK (repeat_caller IN (0, 1)),
        outcome TEXT NOT NULL CHECK (outcome IN ('counselled', 'referred', 'police', 'ambulance', 'station_case')),
        note TEXT NOT NULL DEFAULT '',
        client_id INTEGER REFERENCES clients (id),
        crisis_id INTEGER REFERENCES crises (id),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;

-- table indicator_sets
CREATE TABLE indicator_sets (
        set_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        imported_by INTEGER NOT NULL REFERENCES users (id),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (set_id, version)
      ) STRICT;

-- table inspection_findings
CREATE TABLE inspection_findings (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections (id),
        item_id TEXT NOT NULL,
        point TEXT NOT NULL,
        requirement TEXT NOT NULL,
        location TEXT NOT NULL,
        observed_on TEXT NOT NULL,
        problem TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table inspection_scores
CREATE TABLE inspection_scores (
        inspection_id INTEGER NOT NULL REFERENCES inspections (id),
        item_id TEXT NOT NULL,
        met INTEGER CHECK (met IS NULL OR met IN (0, 1)),
        level INTEGER CHECK (level IS NULL OR level >= 0),
        note TEXT NOT NULL DEFAULT '',
        assessed_by INTEGER NOT NULL REFERENCES users (id),
        assessed_at TEXT NOT NULL,
        PRIMARY KEY (inspection_id, item_id)
      ) STRICT, WITHOUT ROWID;

-- table inspections
CREATE TABLE inspections (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('self', 'supervision', 'acceptance', 'recheck')),
        title TEXT NOT NULL,
        inspecting_body TEXT NOT NULL,
        planned_on TEXT NOT NULL,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        snapshot_sha256 TEXT NOT NULL,
        inspector_id INTEGER UNIQUE REFERENCES users (id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'concluded', 'closed')),
        verdict TEXT CHECK (verdict IS NULL OR verdict IN ('pass', 'fail')),
        opinion TEXT NOT NULL DEFAULT '',
        score REAL,
        percent REAL,
        grade TEXT,
        concluded_by INTEGER REFERENCES users (id),
        concluded_at TEXT,
        closed_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK ((status = 'open') = (concluded_at IS NULL))
      ) STRICT;

-- table meeting_decisions
CREATE TABLE meeting_decisions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        responsible_id INTEGER NOT NULL REFERENCES users (id),
        due_on TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        UNIQUE (meeting_id, position)
      ) STRICT;

-- table meeting_staff
CREATE TABLE meeting_staff (
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (meeting_id, user_id)
      ) STRICT, WITHOUT ROWID;

-- table meetings
CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL CHECK (end_time > start_time),
        location TEXT NOT NULL,
        outside_attendees TEXT NOT NULL DEFAULT '[]',
        agenda TEXT NOT NULL,
        minutes TEXT NOT NULL DEFAULT '',
        case_id INTEGER REFERENCES cases (id),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;

-- table people
CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT CHECK (gender IN ('male', 'female')),
        phone TEXT NOT NULL DEFAULT '',
        employment TEXT NOT NULL CHECK (employment IN ('fulltime', 'parttime', 'volunteer')),
        fte REAL CHECK ((employment = 'parttime') = (fte IS NOT NULL) AND (fte IS NULL OR (fte > 0 AND fte < 1))),
        organisation TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        user_id INTEGER UNIQUE REFERENCES users (id),
        joined_on TEXT NOT NULL,
        left_on TEXT CHECK (left_on IS NULL OR left_on >= joined_on),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table person_qualifications
CREATE TABLE person_qualifications (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL,
        level TEXT NOT NULL DEFAULT '',
        certificate_no TEXT NOT NULL DEFAULT '',
        issued_on TEXT,
        expires_on TEXT
      ) STRICT;

-- table person_trainings
CREATE TABLE person_trainings (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL CHECK (kind IN ('training', 'supervision')),
        held_on TEXT NOT NULL,
        topic TEXT NOT NULL,
        provider TEXT NOT NULL DEFAULT '',
        hours REAL NOT NULL CHECK (hours > 0)
      ) STRICT;

-- table received_packages
CREATE TABLE received_packages (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES district_stations (id),
        period TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        generated_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        envelope TEXT NOT NULL,
        received_by INTEGER NOT NULL REFERENCES users (id),
        received_at TEXT NOT NULL,
        UNIQUE (station_id, period, version)
      ) STRICT;

-- table rectifications
CREATE TABLE rectifications (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections (id),
        finding_id INTEGER REFERENCES inspection_findings (id),
        task TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES users (id),
        due_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'accepted')),
        closure_note TEXT NOT NULL DEFAULT '',
        submitted_by INTEGER REFERENCES users (id),
        submitted_at TEXT,
        recheck_note TEXT NOT NULL DEFAULT '',
        rechecked_by INTEGER REFERENCES users (id),
        rechecked_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table referrals
CREATE TABLE referrals (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        case_id INTEGER REFERENCES cases (id),
        target TEXT NOT NULL,
        target_detail TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        shared_info TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('sent', 'received', 'feedback', 'not_received')),
        sent_on TEXT NOT NULL,
        received_on TEXT,
        feedback_on TEXT,
        feedback TEXT NOT NULL DEFAULT '',
        not_received_reason TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table report_month_changes
CREATE TABLE report_month_changes (
        table_name TEXT NOT NULL,
        month TEXT NOT NULL,
        changes INTEGER NOT NULL,
        PRIMARY KEY (table_name, month)
      ) STRICT, WITHOUT ROWID;

-- table report_readings_kept
CREATE TABLE report_readings_kept (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        app_version TEXT NOT NULL,
        directory_stamp TEXT NOT NULL,
        directory TEXT NOT NULL,
        results TEXT NOT NULL,
        kept_at TEXT NOT NULL
      ) STRICT;

-- table report_row_changes
CREATE TABLE report_row_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        row_key INTEGER NOT NULL
      ) STRICT;

-- table report_table_changes
CREATE TABLE report_table_changes (
        table_name TEXT PRIMARY KEY,
        changes INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;

-- table report_versions
CREATE TABLE report_versions (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        state TEXT NOT NULL CHECK (state IN ('draft', 'review', 'reported', 'received', 'returned')),
        set_id TEXT NOT NULL,
        set_version INTEGER NOT NULL,
        header TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '{}',
        correction_reason TEXT,
        figures TEXT,
        violations TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        submitted_by INTEGER REFERENCES users (id),
        submitted_at TEXT,
        reviewed_by INTEGER REFERENCES users (id),
        reviewed_at TEXT,
        answered_at TEXT,
        answer_note TEXT,
        UNIQUE (period, version),
        CHECK ((state = 'draft') = (figures IS NULL)),
        CHECK ((state = 'draft') = (submitted_at IS NULL)),
        CHECK ((version = 1) = (correction_reason IS NULL)),
        CHECK ((state IN ('received', 'returned')) = (answered_at IS NOT NULL))
      ) STRICT;

-- table risk_grades
CREATE TABLE risk_grades (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'green')),
        reason TEXT NOT NULL,
        evidence TEXT NOT NULL CHECK (evidence IN ('scale', 'disclosure', 'grid_report', 'follow_up', 'crisis', 'other')),
        graded_by INTEGER NOT NULL REFERENCES users (id),
        graded_at TEXT NOT NULL
      ) STRICT;

-- table rooms
CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('counselling', 'sandplay', 'relaxation', 'catharsis', 'group', 'other')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

-- table rule_versions
CREATE TABLE rule_versions (
        id INTEGER PRIMARY KEY,
        rule_id INTEGER NOT NULL REFERENCES station_rules (id),
        version_no INTEGER,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        adopted_on TEXT,
        adopted_by INTEGER REFERENCES users (id),
        drafted_by INTEGER NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        CHECK ((version_no IS NULL) = (adopted_on IS NULL) AND (adopted_on IS NULL) = (adopted_by IS NULL)),
        UNIQUE (rule_id, version_no)
      ) STRICT;

-- table scale_definitions
CREATE TABLE scale_definitions (
        scale_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        imported_by INTEGER NOT NULL REFERENCES users (id),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (scale_id, version)
      ) STRICT;

-- table scale_results
CREATE TABLE scale_results (
        id INTEGER PRIMARY KEY,
        scale_id TEXT NOT NULL,
        scale_version INTEGER NOT NULL,
        client_id INTEGER REFERENCES clients (id),
        -- Walk-ins at the kiosk give a nickname or an assigned code, never an ID number.
        respondent TEXT NOT NULL DEFAULT '',
        case_id INTEGER REFERENCES cases (id),
        answers TEXT NOT NULL,
        total REAL,
        raw REAL,
        band_index INTEGER,
        band_id TEXT,
        critical INTEGER NOT NULL CHECK (critical IN (0, 1)),
        result TEXT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('counsellor', 'kiosk')),
        administered_by INTEGER REFERENCES users (id),
        comment TEXT NOT NULL DEFAULT '',
        completed_at TEXT NOT NULL
      ) STRICT;

-- table screening_participants
CREATE TABLE screening_participants (
        id INTEGER PRIMARY KEY,
        screening_id INTEGER NOT NULL REFERENCES screenings (id),
        -- What the participant types at the kiosk; unique across open screenings by construction.
        code TEXT NOT NULL UNIQUE,
        roster_name TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table screening_results
CREATE TABLE screening_results (
        participant_id INTEGER NOT NULL REFERENCES screening_participants (id),
        result_id INTEGER NOT NULL UNIQUE REFERENCES scale_results (id),
        PRIMARY KEY (participant_id, result_id)
      ) STRICT, WITHOUT ROWID;

-- table screening_visit_tags
CREATE TABLE screening_visit_tags (
        visit_id INTEGER NOT NULL REFERENCES screening_visits (id),
        tag TEXT NOT NULL,
        PRIMARY KEY (visit_id, tag)
      ) STRICT, WITHOUT ROWID;

-- table screening_visit_visitors
CREATE TABLE screening_visit_visitors (
        visit_id INTEGER NOT NULL REFERENCES screening_visits (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (visit_id, user_id)
      ) STRICT, WITHOUT ROWID;

-- table screening_visits
CREATE TABLE screening_visits (
        id INTEGER PRIMARY KEY,
        visited_on TEXT NOT NULL,
        client_id INTEGER REFERENCES clients (id),
        area TEXT NOT NULL DEFAULT '',
        companion_roles TEXT NOT NULL DEFAULT '',
        companion_names TEXT NOT NULL DEFAULT '',
        observations TEXT NOT NULL DEFAULT '',
        follow_up_needed INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_needed IN (0, 1)),
        filed_client INTEGER NOT NULL DEFAULT 0 CHECK (filed_client IN (0, 1)),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK (client_id IS NOT NULL OR area <> ''),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;

-- table screenings
CREATE TABLE screenings (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        scale_ids TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        closed_at TEXT
      ) STRICT;

-- table session_addenda
CREATE TABLE session_addenda (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES counselling_sessions (id),
        text TEXT NOT NULL,
        signed_by INTEGER NOT NULL REFERENCES users (id),
        signed_at TEXT NOT NULL
      ) STRICT;

-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- table station
CREATE TABLE station (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('community', 'street', 'district')),
        region_code TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        opening_hours TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table station_key
CREATE TABLE station_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

-- table station_rules
CREATE TABLE station_rules (
        id INTEGER PRIMARY KEY,
        template_code TEXT UNIQUE,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table survey_answers
CREATE TABLE survey_answers (
        response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 1),
        item_id TEXT NOT NULL,
        answer INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        PRIMARY KEY (response_id, position)
      ) STRICT, WITHOUT ROWID;

-- table survey_responses
CREATE TABLE survey_responses (
        id INTEGER PRIMARY KEY,
        survey_id INTEGER NOT NULL REFERENCES surveys (id),
        channel TEXT NOT NULL CHECK (channel IN ('paper', 'kiosk')),
        sex TEXT CHECK (sex IN ('female', 'male')),
        age_band TEXT CHECK (age_band IN ('under14', '14to17', '18to34', '35to59', '60plus')),
        correct_count INTEGER NOT NULL CHECK (correct_count >= 0),
        aware INTEGER NOT NULL CHECK (aware IN (0, 1)),
        entered_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((channel = 'kiosk') = (entered_by IS NULL)),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;

-- table surveys
CREATE TABLE surveys (
        id INTEGER PRIMARY KEY,
        questionnaire_id TEXT NOT NULL,
        questionnaire_version INTEGER NOT NULL,
        held_on TEXT NOT NULL,
        activity_id INTEGER REFERENCES activities (id),
        population TEXT NOT NULL CHECK (population IN ('public', 'students')),
        place TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        closed_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;

-- table users
CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'counsellor', 'reception', 'inspector')),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        last_login_at TEXT,
        access_until TEXT,
        CHECK ((role = 'inspector') = (access_until IS NOT NULL))
      ) STRICT;

-- table volunteer_service_hours
CREATE TABLE volunteer_service_hours (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        served_on TEXT NOT NULL,
        hours REAL NOT NULL CHECK (hours > 0),
        activity_id INTEGER REFERENCES activities (id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table waitlist
CREATE TABLE waitlist (
        id INTEGER PRIMARY KEY,
        client_id INTEGER REFERENCES clients (id),
        walk_in_name TEXT NOT NULL DEFAULT '',
        walk_in_phone TEXT NOT NULL DEFAULT '',
        counsellor_id INTEGER REFERENCES users (id),
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('waiting', 'booked', 'removed')),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

-- trigger activities_counted_delete
CREATE TRIGGER activities_counted_delete AFTER DELETE ON activities
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'activities'; END;

-- trigger activities_counted_insert
CREATE TRIGGER activities_counted_insert AFTER INSERT ON activities
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'activities'; END;

-- trigger activities_counted_month_delete
CREATE TRIGGER activities_counted_month_delete AFTER DELETE ON activities BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'activities', month, 1 FROM (SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger activities_counted_month_insert
CREATE TRIGGER activities_counted_month_insert AFTER INSERT ON activities BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'activities', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger activities_counted_month_update
CREATE TRIGGER activities_counted_month_update AFTER UPDATE ON activities BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'activities', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month UNION SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger activities_counted_update
CREATE TRIGGER activities_counted_update AFTER UPDATE ON activities
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'activities'; END;

-- trigger activity_outreach_counted_delete
CREATE TRIGGER activity_outreach_counted_delete AFTER DELETE ON activity_outreach
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'activity_outreach'; END;

-- trigger activity_outreach_counted_insert
CREATE TRIGGER activity_outreach_counted_insert AFTER INSERT ON activity_outreach
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'activity_outreach'; END;

-- trigger activity_outreach_counted_update
CREATE TRIGGER activity_outreach_counted_update AFTER UPDATE ON activity_outreach
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'activity_outreach'; END;

-- trigger appointments_counted_delete
CREATE TRIGGER appointments_counted_delete AFTER DELETE ON appointments BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'appointments'; END;

-- trigger appointments_counted_insert
CREATE TRIGGER appointments_counted_insert AFTER INSERT ON appointments BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'appointments'; END;

-- trigger appointments_counted_update
CREATE TRIGGER appointments_counted_update AFTER UPDATE ON appointments BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'appointments'; END;

-- trigger appointments_length_insert
CREATE TRIGGER appointments_length_insert BEFORE INSERT ON appointments WHEN NEW.end_minute - NEW.start_minute > 1440
        BEGIN SELECT RAISE(ABORT, 'a booking lasts at most a day'); END;

-- trigger appointments_length_update
CREATE TRIGGER appointments_length_update BEFORE UPDATE OF start_minute, end_minute ON appointments WHEN NEW.end_minute - NEW.start_minute > 1440
        BEGIN SELECT RAISE(ABORT, 'a booking lasts at most a day'); END;

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger backups_counted_delete
CREATE TRIGGER backups_counted_delete AFTER DELETE ON backups BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'backups'; END;

-- trigger backups_counted_insert
CREATE TRIGGER backups_counted_insert AFTER INSERT ON backups BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'backups'; END;

-- trigger backups_counted_update
CREATE TRIGGER backups_counted_update AFTER UPDATE ON backups BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'backups'; END;

-- trigger calendar_days_counted_delete
CREATE TRIGGER calendar_days_counted_delete AFTER DELETE ON calendar_days BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'calendar_days'; END;

-- trigger calendar_days_counted_insert
CREATE TRIGGER calendar_days_counted_insert AFTER INSERT ON calendar_days BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'calendar_days'; END;

-- trigger calendar_days_counted_update
CREATE TRIGGER calendar_days_counted_update AFTER UPDATE ON calendar_days BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'calendar_days'; END;

-- trigger case_problems_counted_delete
CREATE TRIGGER case_problems_counted_delete AFTER DELETE ON case_problems
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'case_problems'; END;

-- trigger case_problems_counted_insert
CREATE TRIGGER case_problems_counted_insert AFTER INSERT ON case_problems
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'case_problems'; END;

-- trigger case_problems_counted_rows_delete
CREATE TRIGGER case_problems_counted_rows_delete AFTER DELETE ON case_problems BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'case_problems', row_key FROM (SELECT OLD.case_id AS row_key); END;

-- trigger case_problems_counted_rows_insert
CREATE TRIGGER case_problems_counted_rows_insert AFTER INSERT ON case_problems BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'case_problems', row_key FROM (SELECT NEW.case_id AS row_key); END;

-- trigger case_problems_counted_rows_update
CREATE TRIGGER case_problems_counted_rows_update AFTER UPDATE ON case_problems BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'case_problems', row_key FROM (SELECT NEW.case_id AS row_key UNION SELECT OLD.case_id AS row_key); END;

-- trigger case_problems_counted_update
CREATE TRIGGER case_problems_counted_update AFTER UPDATE ON case_problems
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'case_problems'; END;

-- trigger cases_counted_delete
CREATE TRIGGER cases_counted_delete AFTER DELETE ON cases
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'cases'; END;

-- trigger cases_counted_insert
CREATE TRIGGER cases_counted_insert AFTER INSERT ON cases
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'cases'; END;

-- trigger cases_counted_rows_delete
CREATE TRIGGER cases_counted_rows_delete AFTER DELETE ON cases BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'cases', row_key FROM (SELECT OLD.id AS row_key); END;

-- trigger cases_counted_rows_insert
CREATE TRIGGER cases_counted_rows_insert AFTER INSERT ON cases BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'cases', row_key FROM (SELECT NEW.id AS row_key); END;

-- trigger cases_counted_rows_update
CREATE TRIGGER cases_counted_rows_update AFTER UPDATE ON cases BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'cases', row_key FROM (SELECT NEW.id AS row_key UNION SELECT OLD.id AS row_key); END;

-- trigger cases_counted_update
CREATE TRIGGER cases_counted_update AFTER UPDATE ON cases
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'cases'; END;

-- trigger checklist_answers_counted_delete
CREATE TRIGGER checklist_answers_counted_delete AFTER DELETE ON checklist_answers BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_answers'; END;

-- trigger checklist_answers_counted_insert
CREATE TRIGGER checklist_answers_counted_insert AFTER INSERT ON checklist_answers BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_answers'; END;

-- trigger checklist_answers_counted_update
CREATE TRIGGER checklist_answers_counted_update AFTER UPDATE ON checklist_answers BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_answers'; END;

-- trigger checklist_choice_counted_delete
CREATE TRIGGER checklist_choice_counted_delete AFTER DELETE ON checklist_choice BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_choice'; END;

-- trigger checklist_choice_counted_insert
CREATE TRIGGER checklist_choice_counted_insert AFTER INSERT ON checklist_choice BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_choice'; END;

-- trigger checklist_choice_counted_update
CREATE TRIGGER checklist_choice_counted_update AFTER UPDATE ON checklist_choice BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_choice'; END;

-- trigger checklist_templates_counted_delete
CREATE TRIGGER checklist_templates_counted_delete AFTER DELETE ON checklist_templates BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_templates'; END;

-- trigger checklist_templates_counted_insert
CREATE TRIGGER checklist_templates_counted_insert AFTER INSERT ON checklist_templates BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_templates'; END;

-- trigger checklist_templates_counted_update
CREATE TRIGGER checklist_templates_counted_update AFTER UPDATE ON checklist_templates BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'checklist_templates'; END;

-- trigger client_tags_counted_delete
CREATE TRIGGER client_tags_counted_delete AFTER DELETE ON client_tags
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'client_tags'; END;

-- trigger client_tags_counted_insert
CREATE TRIGGER client_tags_counted_insert AFTER INSERT ON client_tags
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'client_tags'; END;

-- trigger client_tags_counted_rows_delete
CREATE TRIGGER client_tags_counted_rows_delete AFTER DELETE ON client_tags BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'client_tags', row_key FROM (SELECT OLD.client_id AS row_key); END;

-- trigger client_tags_counted_rows_insert
CREATE TRIGGER client_tags_counted_rows_insert AFTER INSERT ON client_tags BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'client_tags', row_key FROM (SELECT NEW.client_id AS row_key); END;

-- trigger client_tags_counted_rows_update
CREATE TRIGGER client_tags_counted_rows_update AFTER UPDATE ON client_tags BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'client_tags', row_key FROM (SELECT NEW.client_id AS row_key UNION SELECT OLD.client_id AS row_key); END;

-- trigger client_tags_counted_update
CREATE TRIGGER client_tags_counted_update AFTER UPDATE ON client_tags
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'client_tags'; END;

-- trigger clients_counted_delete
CREATE TRIGGER clients_counted_delete AFTER DELETE ON clients
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'clients'; END;

-- trigger clients_counted_insert
CREATE TRIGGER clients_counted_insert AFTER INSERT ON clients
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'clients'; END;

-- trigger clients_counted_rows_delete
CREATE TRIGGER clients_counted_rows_delete AFTER DELETE ON clients BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'clients', row_key FROM (SELECT OLD.id AS row_key); END;

-- trigger clients_counted_rows_insert
CREATE TRIGGER clients_counted_rows_insert AFTER INSERT ON clients BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'clients', row_key FROM (SELECT NEW.id AS row_key); END;

-- trigger clients_counted_rows_update
CREATE TRIGGER clients_counted_rows_update AFTER UPDATE ON clients BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'clients', row_key FROM (SELECT NEW.id AS row_key UNION SELECT OLD.id AS row_key); END;

-- trigger clients_counted_update
CREATE TRIGGER clients_counted_update AFTER UPDATE ON clients
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'clients'; END;

-- trigger counselling_group_feedback_counted_delete
CREATE TRIGGER counselling_group_feedback_counted_delete AFTER DELETE ON counselling_group_feedback
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'counselling_group_feedback'; END;

-- trigger counselling_group_feedback_counted_insert
CREATE TRIGGER counselling_group_feedback_counted_insert AFTER INSERT ON counselling_group_feedback
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'counselling_group_feedback'; END;

-- trigger counselling_group_feedback_counted_update
CREATE TRIGGER counselling_group_feedback_counted_update AFTER UPDATE ON counselling_group_feedback
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'counselling_group_feedback'; END;

-- trigger counselling_sessions_counted_delete
CREATE TRIGGER counselling_sessions_counted_delete AFTER DELETE ON counselling_sessions
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'counselling_sessions'; END;

-- trigger counselling_sessions_counted_insert
CREATE TRIGGER counselling_sessions_counted_insert AFTER INSERT ON counselling_sessions
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'counselling_sessions'; END;

-- trigger counselling_sessions_counted_month_delete
CREATE TRIGGER counselling_sessions_counted_month_delete AFTER DELETE ON counselling_sessions BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'counselling_sessions', month, 1 FROM (SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger counselling_sessions_counted_month_insert
CREATE TRIGGER counselling_sessions_counted_month_insert AFTER INSERT ON counselling_sessions BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'counselling_sessions', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger counselling_sessions_counted_month_update
CREATE TRIGGER counselling_sessions_counted_month_update AFTER UPDATE ON counselling_sessions BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'counselling_sessions', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month UNION SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger counselling_sessions_counted_update
CREATE TRIGGER counselling_sessions_counted_update AFTER UPDATE ON counselling_sessions
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'counselling_sessions'; END;

-- trigger counselling_sessions_signed_final
CREATE TRIGGER counselling_sessions_signed_final BEFORE UPDATE ON counselling_sessions
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'signed session notes are final'); END;

-- trigger crises_counted_delete
CREATE TRIGGER crises_counted_delete AFTER DELETE ON crises
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'crises'; END;

-- trigger crises_counted_insert
CREATE TRIGGER crises_counted_insert AFTER INSERT ON crises
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'crises'; END;

-- trigger crises_counted_month_delete
CREATE TRIGGER crises_counted_month_delete AFTER DELETE ON crises BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'crises', month, 1 FROM (SELECT strftime('%Y-%m', OLD.started_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', OLD.started_at, '+14 hours') AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger crises_counted_month_insert
CREATE TRIGGER crises_counted_month_insert AFTER INSERT ON crises BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'crises', month, 1 FROM (SELECT strftime('%Y-%m', NEW.started_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', NEW.started_at, '+14 hours') AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger crises_counted_month_update
CREATE TRIGGER crises_counted_month_update AFTER UPDATE ON crises BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'crises', month, 1 FROM (SELECT strftime('%Y-%m', NEW.started_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', NEW.started_at, '+14 hours') AS month UNION SELECT strftime('%Y-%m', OLD.started_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', OLD.started_at, '+14 hours') AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger crises_counted_update
CREATE TRIGGER crises_counted_update AFTER UPDATE ON crises
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'crises'; END;

-- trigger district_reports_kept_delete
CREATE TRIGGER district_reports_kept_delete BEFORE DELETE ON district_reports
        BEGIN SELECT RAISE(ABORT, 'a district report version is kept as it was made'); END;

-- trigger district_reports_kept_update
CREATE TRIGGER district_reports_kept_update BEFORE UPDATE ON district_reports
        BEGIN SELECT RAISE(ABORT, 'a district report version is kept as it was made'); END;

-- trigger duty_logs_counted_delete
CREATE TRIGGER duty_logs_counted_delete AFTER DELETE ON duty_logs BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'duty_logs'; END;

-- trigger duty_logs_counted_insert
CREATE TRIGGER duty_logs_counted_insert AFTER INSERT ON duty_logs BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'duty_logs'; END;

-- trigger duty_logs_counted_update
CREATE TRIGGER duty_logs_counted_update AFTER UPDATE ON duty_logs BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'duty_logs'; END;

-- trigger duty_shifts_counted_delete
CREATE TRIGGER duty_shifts_counted_delete AFTER DELETE ON duty_shifts BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'duty_shifts'; END;

-- trigger duty_shifts_counted_insert
CREATE TRIGGER duty_shifts_counted_insert AFTER INSERT ON duty_shifts BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'duty_shifts'; END;

-- trigger duty_shifts_counted_update
CREATE TRIGGER duty_shifts_counted_update AFTER UPDATE ON duty_shifts BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'duty_shifts'; END;

-- trigger follow_ups_counted_delete
CREATE TRIGGER follow_ups_counted_delete AFTER DELETE ON follow_ups
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'follow_ups'; END;

-- trigger follow_ups_counted_insert
CREATE TRIGGER follow_ups_counted_insert AFTER INSERT ON follow_ups
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'follow_ups'; END;

-- trigger follow_ups_counted_month_delete
CREATE TRIGGER follow_ups_counted_month_delete AFTER DELETE ON follow_ups BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'follow_ups', month, 1 FROM (SELECT substr(OLD.done_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger follow_ups_counted_month_insert
CREATE TRIGGER follow_ups_counted_month_insert AFTER INSERT ON follow_ups BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'follow_ups', month, 1 FROM (SELECT substr(NEW.done_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger follow_ups_counted_month_update
CREATE TRIGGER follow_ups_counted_month_update AFTER UPDATE ON follow_ups BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'follow_ups', month, 1 FROM (SELECT substr(NEW.done_on, 1, 7) AS month UNION SELECT substr(OLD.done_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger follow_ups_counted_update
CREATE TRIGGER follow_ups_counted_update AFTER UPDATE ON follow_ups
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'follow_ups'; END;

-- trigger hotline_calls_counted_delete
CREATE TRIGGER hotline_calls_counted_delete AFTER DELETE ON hotline_calls
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'hotline_calls'; END;

-- trigger hotline_calls_counted_insert
CREATE TRIGGER hotline_calls_counted_insert AFTER INSERT ON hotline_calls
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'hotline_calls'; END;

-- trigger hotline_calls_counted_month_delete
CREATE TRIGGER hotline_calls_counted_month_delete AFTER DELETE ON hotline_calls BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'hotline_calls', month, 1 FROM (SELECT substr(OLD.called_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger hotline_calls_counted_month_insert
CREATE TRIGGER hotline_calls_counted_month_insert AFTER INSERT ON hotline_calls BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'hotline_calls', month, 1 FROM (SELECT substr(NEW.called_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger hotline_calls_counted_month_update
CREATE TRIGGER hotline_calls_counted_month_update AFTER UPDATE ON hotline_calls BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'hotline_calls', month, 1 FROM (SELECT substr(NEW.called_on, 1, 7) AS month UNION SELECT substr(OLD.called_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger hotline_calls_counted_update
CREATE TRIGGER hotline_calls_counted_update AFTER UPDATE ON hotline_calls
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'hotline_calls'; END;

-- trigger inspections_snapshot_fixed
CREATE TRIGGER inspections_snapshot_fixed BEFORE UPDATE OF kind, template_id, template_version, period_from, period_to, snapshot, snapshot_sha256, created_by, created_at ON inspections
      BEGIN
        SELECT RAISE(ABORT, 'inspection snapshot is immutable');
      END;

-- trigger meetings_counted_delete
CREATE TRIGGER meetings_counted_delete AFTER DELETE ON meetings
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'meetings'; END;

-- trigger meetings_counted_insert
CREATE TRIGGER meetings_counted_insert AFTER INSERT ON meetings
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'meetings'; END;

-- trigger meetings_counted_month_delete
CREATE TRIGGER meetings_counted_month_delete AFTER DELETE ON meetings BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'meetings', month, 1 FROM (SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger meetings_counted_month_insert
CREATE TRIGGER meetings_counted_month_insert AFTER INSERT ON meetings BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'meetings', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger meetings_counted_month_update
CREATE TRIGGER meetings_counted_month_update AFTER UPDATE ON meetings BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'meetings', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month UNION SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger meetings_counted_update
CREATE TRIGGER meetings_counted_update AFTER UPDATE ON meetings
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'meetings'; END;

-- trigger people_counted_delete
CREATE TRIGGER people_counted_delete AFTER DELETE ON people
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'people'; END;

-- trigger people_counted_insert
CREATE TRIGGER people_counted_insert AFTER INSERT ON people
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'people'; END;

-- trigger people_counted_update
CREATE TRIGGER people_counted_update AFTER UPDATE ON people
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'people'; END;

-- trigger person_qualifications_counted_delete
CREATE TRIGGER person_qualifications_counted_delete AFTER DELETE ON person_qualifications
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'person_qualifications'; END;

-- trigger person_qualifications_counted_insert
CREATE TRIGGER person_qualifications_counted_insert AFTER INSERT ON person_qualifications
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'person_qualifications'; END;

-- trigger person_qualifications_counted_update
CREATE TRIGGER person_qualifications_counted_update AFTER UPDATE ON person_qualifications
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'person_qualifications'; END;

-- trigger person_trainings_counted_delete
CREATE TRIGGER person_trainings_counted_delete AFTER DELETE ON person_trainings
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'person_trainings'; END;

-- trigger person_trainings_counted_insert
CREATE TRIGGER person_trainings_counted_insert AFTER INSERT ON person_trainings
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'person_trainings'; END;

-- trigger person_trainings_counted_month_delete
CREATE TRIGGER person_trainings_counted_month_delete AFTER DELETE ON person_trainings BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'person_trainings', month, 1 FROM (SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger person_trainings_counted_month_insert
CREATE TRIGGER person_trainings_counted_month_insert AFTER INSERT ON person_trainings BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'person_trainings', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger person_trainings_counted_month_update
CREATE TRIGGER person_trainings_counted_month_update AFTER UPDATE ON person_trainings BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'person_trainings', month, 1 FROM (SELECT substr(NEW.held_on, 1, 7) AS month UNION SELECT substr(OLD.held_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger person_trainings_counted_update
CREATE TRIGGER person_trainings_counted_update AFTER UPDATE ON person_trainings
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'person_trainings'; END;

-- trigger received_packages_kept_delete
CREATE TRIGGER received_packages_kept_delete BEFORE DELETE ON received_packages
        BEGIN SELECT RAISE(ABORT, 'a received package is kept as it arrived'); END;

-- trigger received_packages_kept_update
CREATE TRIGGER received_packages_kept_update BEFORE UPDATE ON received_packages
        BEGIN SELECT RAISE(ABORT, 'a received package is kept as it arrived'); END;

-- trigger referrals_counted_delete
CREATE TRIGGER referrals_counted_delete AFTER DELETE ON referrals
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'referrals'; END;

-- trigger referrals_counted_insert
CREATE TRIGGER referrals_counted_insert AFTER INSERT ON referrals
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'referrals'; END;

-- trigger referrals_counted_month_delete
CREATE TRIGGER referrals_counted_month_delete AFTER DELETE ON referrals BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'referrals', month, 1 FROM (SELECT substr(OLD.sent_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger referrals_counted_month_insert
CREATE TRIGGER referrals_counted_month_insert AFTER INSERT ON referrals BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'referrals', month, 1 FROM (SELECT substr(NEW.sent_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger referrals_counted_month_update
CREATE TRIGGER referrals_counted_month_update AFTER UPDATE ON referrals BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'referrals', month, 1 FROM (SELECT substr(NEW.sent_on, 1, 7) AS month UNION SELECT substr(OLD.sent_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger referrals_counted_update
CREATE TRIGGER referrals_counted_update AFTER UPDATE ON referrals
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'referrals'; END;

-- trigger report_row_changes_kept
CREATE TRIGGER report_row_changes_kept AFTER INSERT ON report_row_changes
        BEGIN DELETE FROM report_row_changes WHERE seq <= NEW.seq - 10000; END;

-- trigger report_versions_counted_delete
CREATE TRIGGER report_versions_counted_delete AFTER DELETE ON report_versions BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'report_versions'; END;

-- trigger report_versions_counted_insert
CREATE TRIGGER report_versions_counted_insert AFTER INSERT ON report_versions BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'report_versions'; END;

-- trigger report_versions_counted_update
CREATE TRIGGER report_versions_counted_update AFTER UPDATE ON report_versions BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'report_versions'; END;

-- trigger report_versions_frozen
CREATE TRIGGER report_versions_frozen BEFORE UPDATE ON report_versions
        WHEN OLD.state <> 'draft' AND (NEW.figures IS NOT OLD.figures OR NEW.violations IS NOT OLD.violations OR NEW.notes IS NOT OLD.notes
          OR NEW.header IS NOT OLD.header OR NEW.period IS NOT OLD.period OR NEW.version IS NOT OLD.version OR NEW.set_id IS NOT OLD.set_id
          OR NEW.set_version IS NOT OLD.set_version OR NEW.submitted_at IS NOT OLD.submitted_at OR NEW.correction_reason IS NOT OLD.correction_reason)
        BEGIN SELECT RAISE(ABORT, 'a submitted report version is final'); END;

-- trigger report_versions_kept
CREATE TRIGGER report_versions_kept BEFORE DELETE ON report_versions WHEN OLD.state <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'a submitted report version is kept'); END;

-- trigger risk_grades_counted_delete
CREATE TRIGGER risk_grades_counted_delete AFTER DELETE ON risk_grades
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'risk_grades'; END;

-- trigger risk_grades_counted_insert
CREATE TRIGGER risk_grades_counted_insert AFTER INSERT ON risk_grades
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'risk_grades'; END;

-- trigger risk_grades_counted_rows_delete
CREATE TRIGGER risk_grades_counted_rows_delete AFTER DELETE ON risk_grades BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'risk_grades', row_key FROM (SELECT OLD.client_id AS row_key); END;

-- trigger risk_grades_counted_rows_insert
CREATE TRIGGER risk_grades_counted_rows_insert AFTER INSERT ON risk_grades BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'risk_grades', row_key FROM (SELECT NEW.client_id AS row_key); END;

-- trigger risk_grades_counted_rows_update
CREATE TRIGGER risk_grades_counted_rows_update AFTER UPDATE ON risk_grades BEGIN INSERT INTO report_row_changes (table_name, row_key) SELECT 'risk_grades', row_key FROM (SELECT NEW.client_id AS row_key UNION SELECT OLD.client_id AS row_key); END;

-- trigger risk_grades_counted_update
CREATE TRIGGER risk_grades_counted_update AFTER UPDATE ON risk_grades
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'risk_grades'; END;

-- trigger rule_versions_counted_delete
CREATE TRIGGER rule_versions_counted_delete AFTER DELETE ON rule_versions BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'rule_versions'; END;

-- trigger rule_versions_counted_insert
CREATE TRIGGER rule_versions_counted_insert AFTER INSERT ON rule_versions BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'rule_versions'; END;

-- trigger rule_versions_counted_update
CREATE TRIGGER rule_versions_counted_update AFTER UPDATE ON rule_versions BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'rule_versions'; END;

-- trigger scale_definitions_counted_delete
CREATE TRIGGER scale_definitions_counted_delete AFTER DELETE ON scale_definitions
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'scale_definitions'; END;

-- trigger scale_definitions_counted_insert
CREATE TRIGGER scale_definitions_counted_insert AFTER INSERT ON scale_definitions
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'scale_definitions'; END;

-- trigger scale_definitions_counted_update
CREATE TRIGGER scale_definitions_counted_update AFTER UPDATE ON scale_definitions
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'scale_definitions'; END;

-- trigger scale_results_counted_delete
CREATE TRIGGER scale_results_counted_delete AFTER DELETE ON scale_results
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'scale_results'; END;

-- trigger scale_results_counted_insert
CREATE TRIGGER scale_results_counted_insert AFTER INSERT ON scale_results
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'scale_results'; END;

-- trigger scale_results_counted_month_delete
CREATE TRIGGER scale_results_counted_month_delete AFTER DELETE ON scale_results BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'scale_results', month, 1 FROM (SELECT strftime('%Y-%m', OLD.completed_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', OLD.completed_at, '+14 hours') AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger scale_results_counted_month_insert
CREATE TRIGGER scale_results_counted_month_insert AFTER INSERT ON scale_results BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'scale_results', month, 1 FROM (SELECT strftime('%Y-%m', NEW.completed_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', NEW.completed_at, '+14 hours') AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger scale_results_counted_month_update
CREATE TRIGGER scale_results_counted_month_update AFTER UPDATE ON scale_results BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'scale_results', month, 1 FROM (SELECT strftime('%Y-%m', NEW.completed_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', NEW.completed_at, '+14 hours') AS month UNION SELECT strftime('%Y-%m', OLD.completed_at, '-14 hours') AS month UNION SELECT strftime('%Y-%m', OLD.completed_at, '+14 hours') AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger scale_results_counted_update
CREATE TRIGGER scale_results_counted_update AFTER UPDATE ON scale_results
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'scale_results'; END;

-- trigger screening_visit_tags_counted_delete
CREATE TRIGGER screening_visit_tags_counted_delete AFTER DELETE ON screening_visit_tags
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'screening_visit_tags'; END;

-- trigger screening_visit_tags_counted_insert
CREATE TRIGGER screening_visit_tags_counted_insert AFTER INSERT ON screening_visit_tags
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'screening_visit_tags'; END;

-- trigger screening_visit_tags_counted_update
CREATE TRIGGER screening_visit_tags_counted_update AFTER UPDATE ON screening_visit_tags
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'screening_visit_tags'; END;

-- trigger screening_visits_counted_delete
CREATE TRIGGER screening_visits_counted_delete AFTER DELETE ON screening_visits
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'screening_visits'; END;

-- trigger screening_visits_counted_insert
CREATE TRIGGER screening_visits_counted_insert AFTER INSERT ON screening_visits
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'screening_visits'; END;

-- trigger screening_visits_counted_month_delete
CREATE TRIGGER screening_visits_counted_month_delete AFTER DELETE ON screening_visits BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'screening_visits', month, 1 FROM (SELECT substr(OLD.visited_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger screening_visits_counted_month_insert
CREATE TRIGGER screening_visits_counted_month_insert AFTER INSERT ON screening_visits BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'screening_visits', month, 1 FROM (SELECT substr(NEW.visited_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger screening_visits_counted_month_update
CREATE TRIGGER screening_visits_counted_month_update AFTER UPDATE ON screening_visits BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'screening_visits', month, 1 FROM (SELECT substr(NEW.visited_on, 1, 7) AS month UNION SELECT substr(OLD.visited_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger screening_visits_counted_update
CREATE TRIGGER screening_visits_counted_update AFTER UPDATE ON screening_visits
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'screening_visits'; END;

-- trigger settings_counted_delete
CREATE TRIGGER settings_counted_delete AFTER DELETE ON settings BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'settings'; END;

-- trigger settings_counted_insert
CREATE TRIGGER settings_counted_insert AFTER INSERT ON settings BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'settings'; END;

-- trigger settings_counted_update
CREATE TRIGGER settings_counted_update AFTER UPDATE ON settings BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'settings'; END;

-- trigger station_counted_delete
CREATE TRIGGER station_counted_delete AFTER DELETE ON station BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'station'; END;

-- trigger station_counted_insert
CREATE TRIGGER station_counted_insert AFTER INSERT ON station BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'station'; END;

-- trigger station_counted_update
CREATE TRIGGER station_counted_update AFTER UPDATE ON station BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'station'; END;

-- trigger station_rules_counted_delete
CREATE TRIGGER station_rules_counted_delete AFTER DELETE ON station_rules BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'station_rules'; END;

-- trigger station_rules_counted_insert
CREATE TRIGGER station_rules_counted_insert AFTER INSERT ON station_rules BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'station_rules'; END;

-- trigger station_rules_counted_update
CREATE TRIGGER station_rules_counted_update AFTER UPDATE ON station_rules BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'station_rules'; END;

-- trigger users_counted_delete
CREATE TRIGGER users_counted_delete AFTER DELETE ON users BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'users'; END;

-- trigger users_counted_insert
CREATE TRIGGER users_counted_insert AFTER INSERT ON users BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'users'; END;

-- trigger users_counted_update
CREATE TRIGGER users_counted_update AFTER UPDATE OF id, username, display_name, role, disabled, must_change_password, created_at, access_until ON users
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'users'; END;

-- trigger volunteer_service_hours_counted_delete
CREATE TRIGGER volunteer_service_hours_counted_delete AFTER DELETE ON volunteer_service_hours
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'volunteer_service_hours'; END;

-- trigger volunteer_service_hours_counted_insert
CREATE TRIGGER volunteer_service_hours_counted_insert AFTER INSERT ON volunteer_service_hours
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'volunteer_service_hours'; END;

-- trigger volunteer_service_hours_counted_month_delete
CREATE TRIGGER volunteer_service_hours_counted_month_delete AFTER DELETE ON volunteer_service_hours BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'volunteer_service_hours', month, 1 FROM (SELECT substr(OLD.served_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger volunteer_service_hours_counted_month_insert
CREATE TRIGGER volunteer_service_hours_counted_month_insert AFTER INSERT ON volunteer_service_hours BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'volunteer_service_hours', month, 1 FROM (SELECT substr(NEW.served_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger volunteer_service_hours_counted_month_update
CREATE TRIGGER volunteer_service_hours_counted_month_update AFTER UPDATE ON volunteer_service_hours BEGIN INSERT INTO report_month_changes (table_name, month, changes)
          SELECT 'volunteer_service_hours', month, 1 FROM (SELECT substr(NEW.served_on, 1, 7) AS month UNION SELECT substr(OLD.served_on, 1, 7) AS month) WHERE month IS NOT NULL
          ON CONFLICT (table_name, month) DO UPDATE SET changes = changes + 1; END;

-- trigger volunteer_service_hours_counted_update
CREATE TRIGGER volunteer_service_hours_counted_update AFTER UPDATE ON volunteer_service_hours
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'volunteer_service_hours'; END;
